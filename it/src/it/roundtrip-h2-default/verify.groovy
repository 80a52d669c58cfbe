def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Round trip (step mode) of 3 migrations on H2 in memory (dialect h2 from the dependency com.h2database:h2)\n')
assert log =~ /\[INFO\] V1__create_users  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  PASSED/
assert log =~ /\[INFO\] V2__users_name_index  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  PASSED/
assert log =~ /\[INFO\] V3__users_email  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  PASSED/
assert log =~ /\[INFO\] 3 migrations \(step mode\) in [0-9.]+ m?s: 3 passed, 0 with warnings, 0 failed, 0 irreversible, 0 not run/
def out = new File(basedir, 'target/migration')
assert new File(out, 'roundtrip.json').text.contains('"status": "passed"')
assert new File(out, 'roundtrip-junit.xml').text.count('<testcase ') == 3
assert new File(out, 'roundtrip.md').text.startsWith('# Migration round trip')
return true
