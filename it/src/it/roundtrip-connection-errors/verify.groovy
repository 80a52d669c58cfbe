def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./)
assert runs.length == 3 : "two builds expected, found ${runs.length - 1}"
def (host, port) = [runs[1], runs[2]]

assert host.contains('[INFO] Round trip (step mode) of 1 migration on jdbc:postgresql://nonexistent.invalid:5432/test as' +
        ' postgres (migration.url)\n')
assert host.contains(": cannot connect to jdbc:postgresql://nonexistent.invalid:5432/test as postgres: the host" +
        " nonexistent.invalid is unknown: no name server knows it; check the host name in the url (url / migration.url)")
assert port.contains(': cannot connect to jdbc:postgresql://127.0.0.1:1/test as postgres: nothing accepts connections at' +
        ' 127.0.0.1:1 (connection refused); check the host and port in the url, and that the server runs and listens' +
        ' on TCP there')
[host, port].each { run ->
    assert !run.contains('CREATE DATABASE')
    assert !run.contains('The connection attempt failed')
}
return true
