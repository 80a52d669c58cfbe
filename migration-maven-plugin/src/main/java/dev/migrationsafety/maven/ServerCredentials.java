package dev.migrationsafety.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** The credentials of a {@code <server>} of the Maven settings ({@code serverId}), decrypted the way Maven does. */
final class ServerCredentials {
    private ServerCredentials() {}

    /** The server with its password decrypted; an error naming the id, or the decryption's problem, otherwise. */
    static Server of(MavenSession session, SettingsDecrypter decrypter, String serverId) throws MojoExecutionException {
        Server server = session.getSettings().getServer(serverId);
        if (server == null) {
            throw new MojoExecutionException("No <server> with id '" + serverId + "' (serverId /"
                    + " migration.serverId) in the Maven settings: the user settings ~/.m2/settings.xml (or the"
                    + " file given with -s) merged with the global conf/settings.xml of Maven (or -gs); add"
                    + " <server><id>" + serverId + "</id><username>...</username><password>...</password></server>"
                    + " to <servers> there, or pass -Dmigration.user and the password in the environment variable"
                    + " MIGRATION_PASSWORD");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        if (!result.getProblems().isEmpty()) {
            throw new MojoExecutionException(
                    decryptionFailed(serverId, result.getProblems().get(0).getMessage(), server.getPassword()));
        }
        return result.getServer();
    }

    /**
     * Why the password of a server cannot be decrypted, and where the master password comes from; without the
     * exception class names of the cipher, and never with the password, encrypted or not.
     */
    private static String decryptionFailed(String serverId, String problem, String encrypted) {
        String why = problem.replaceAll("(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ", "");
        if (encrypted != null && encrypted.length() >= 3) {
            why = why.replace(encrypted, "****");
        }
        return "Cannot decrypt the password of server '" + serverId + "' (serverId / migration.serverId): " + why
                + "; Maven reads the master password from ~/.m2/settings-security.xml, or from the file given with"
                + " -Dsettings.security: that file must hold the master password the server password was encrypted"
                + " with (mvn --encrypt-master-password, then mvn --encrypt-password)";
    }
}
