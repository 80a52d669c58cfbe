// serverId with a password encrypted under the master password of settings-security.xml: decrypted, used to connect
// (the account accepts no other password), and shown nowhere, neither in clear nor encrypted
def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./)
assert runs.length == 4 : "three builds expected, found ${runs.length - 1}"
def (decrypted, wrongMaster, noMaster) = [runs[1], runs[2], runs[3]]

assert decrypted.contains('[INFO] Round trip (step mode) of 2 migrations on jdbc:mariadb://127.0.0.1:3306/ as migration_it_secret')
assert decrypted =~ /\[INFO\] Created scratch database migration_rt_\d{14}_[a-z0-9]{6}; it is dropped at the end/
assert decrypted =~ /\[INFO\] V1__create_users  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  PASSED/
assert decrypted.contains('[ERROR] src/main/resources/db/undo/U2__users_name_index.sql: index users.users_name_idx present but not expected after down of V2__users_name_index')
assert decrypted.contains('1 passed, 0 with warnings, 1 failed, 0 irreversible, 0 not run')

def advice = "; Maven reads the master password from ~/.m2/settings-security.xml, or from the file given with" +
        " -Dsettings.security: that file must hold the master password the server password was encrypted with" +
        " (mvn --encrypt-master-password, then mvn --encrypt-password)"
assert wrongMaster.contains("roundtrip (default-cli) on project roundtrip-encrypted-password: Cannot decrypt the" +
        " password of server 'migration-it-secret' (serverId / migration.serverId): Failed to decrypt password for" +
        " server migration-it-secret: Given final block not properly padded. Such issues can arise if a bad key is" +
        " used during decryption." + advice)
assert !wrongMaster.contains('Round trip (')
assert noMaster.contains("Cannot decrypt the password of server 'migration-it-secret' (serverId /" +
        " migration.serverId): Failed to decrypt password for server migration-it-secret:" +
        " no-such-settings-security.xml (No such file or directory)" + advice)

def secrets = ['Sesame-4b8e2d-never-logged', 'eszQH8tL11cHOGTvS7LhhTxVNFPr9j00UmigMsKEU4v8PThY03D01RpRmPCPmMjX',
               'it-master-7f3a91', '6sNyDCHVeKIHjmW2QfQAZlBpgerU5qsuEfjmtWIYbgY6x2BK2M9tQ2ZMifsPERXv']
secrets.each { s -> assert !log.contains(s) : "secret ${s.take(6)}... in build.log" }
def reports = new File(basedir, 'target/migration').listFiles()
assert reports.size() == 3
reports.each { f -> secrets.each { s -> assert !f.text.contains(s) : "secret ${s.take(6)}... in ${f.name}" } }
return true
