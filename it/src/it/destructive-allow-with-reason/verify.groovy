// a reasoned allow directly above the statement suppresses exactly that finding
def log = new File(basedir, "build.log").text
assert log.contains("[INFO] BUILD SUCCESS")
assert !log.readLines().any { it.startsWith("[ERROR]") }
assert !log.contains("[drop-column]")
assert !log.contains("[unused-allow]")
// the per-file results are cached for the next build
assert new File(basedir, "target/migration/cache/check-postgresql.cache").isFile()
