// Runs git in the case's directory, as a fixed test user, unsigned, without line-ending conversion, printing what
// it said; returns its exit code. A case's script gets it with
//     def git = evaluate(new File(itShared, 'git.groovy'))
return { String... args ->
    def cmd = ['git', '-c', 'user.name=it', '-c', 'user.email=it@example.invalid', '-c', 'commit.gpgsign=false',
               '-c', 'core.autocrlf=false'] + args.toList()
    def proc = cmd.execute(null, basedir)
    def out = new StringBuilder()
    proc.waitForProcessOutput(out, out)
    println "git ${args.join(' ')} -> ${proc.exitValue()}\n${out}"
    return proc.exitValue()
}
