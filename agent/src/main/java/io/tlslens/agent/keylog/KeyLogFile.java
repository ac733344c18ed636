package io.tlslens.agent.keylog;

import io.tlslens.agent.AgentLog;
import io.tlslens.stack.KeyLog;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An NSS key log file ({@code SSLKEYLOGFILE} format), as Wireshark and tshark read it.
 *
 * <p>The file is only ever readable by its owner: a new one is created {@code rw-------} in the
 * same system call that creates it (no window in which it exists with the umask's permissions),
 * and an existing one is appended to only if it is a regular file of this user with no
 * permission for group or others. Anything else is refused with the reason, before a byte is
 * written.
 *
 * <p>Each line is written and handed to the operating system at once, so a JVM that dies
 * abruptly loses no line already logged. A (label, client random) pair already written is not
 * written again: both ends of a connection inside one JVM derive the same secrets.
 */
public final class KeyLogFile implements KeyLog, Closeable {

    /** How many recent (label, client random) pairs are remembered to drop duplicates. */
    static final int RECENT_ENTRIES = 4096;

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path path;
    private final FileChannel channel;
    private final Map<String, Boolean> recent = new LinkedHashMap<String, Boolean>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT_ENTRIES;
        }
    };
    private boolean closed;

    private KeyLogFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * Creates {@code file} owner-only, or opens it for appending if it already is an owner-only
     * regular file of this user. The exception's message says what is wrong and what to do.
     */
    public static KeyLogFile open(Path file) throws IOException {
        Path path = file.toAbsolutePath().normalize();
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            throw new IOException("cannot give " + path + " owner-only permissions: its file system has no POSIX "
                    + "permissions");
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return new KeyLogFile(path, openExisting(path));
        }
        Path dir = path.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot create " + path + ": directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("cannot create " + path + ": directory " + dir + " is not writable");
        }
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
        try {
            // CREATE_NEW: atomic, and never follows a symbolic link planted at the path.
            return new KeyLogFile(path, FileChannel.open(path,
                    EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                    ownerOnly));
        } catch (FileAlreadyExistsException e) {
            return new KeyLogFile(path, openExisting(path)); // created meanwhile: judged like any existing file
        } catch (AccessDeniedException e) {
            throw new IOException("cannot create " + path + ": directory " + dir + " is not writable", e);
        } catch (NoSuchFileException e) {
            throw new IOException("cannot create " + path + ": directory " + dir + " does not exist", e);
        } catch (IOException e) {
            throw new IOException("cannot create " + path + ": " + e, e);
        }
    }

    private static FileChannel openExisting(Path path) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        checkExisting(path, attributes);
        Set<OpenOption> options = Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
        FileChannel channel;
        try {
            channel = FileChannel.open(path, options);
        } catch (IOException e) {
            throw new IOException("cannot append to " + path + ": " + e, e);
        }
        // Checked again now that it is open: the file may have been swapped in between.
        try {
            PosixFileAttributes opened = Files.readAttributes(path, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            checkExisting(path, opened);
            if (attributes.fileKey() != null && !attributes.fileKey().equals(opened.fileKey())) {
                throw new IOException("refusing " + path + ": it was replaced while being opened");
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    private static void checkExisting(Path path, PosixFileAttributes attributes) throws IOException {
        if (attributes.isSymbolicLink()) {
            throw new IOException("refusing " + path + ": it is a symbolic link; give the path of the file itself");
        }
        if (!attributes.isRegularFile()) {
            throw new IOException("refusing " + path + ": it exists and is not a regular file");
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.stream().anyMatch(NOT_OWNER::contains)) {
            throw new IOException("refusing to append to " + path + ": its permissions are "
                    + PosixFilePermissions.toString(permissions) + ", so others than its owner may read it; "
                    + "make it owner-only (chmod 600) or choose a new file, which TLSLens creates rw-------");
        }
        String user = System.getProperty("user.name");
        String owner = attributes.owner().getName();
        if (user != null && !user.equals(owner)) {
            throw new IOException("refusing to append to " + path + ": it belongs to " + owner + ", not to " + user
                    + ", who runs this JVM");
        }
    }

    /** The file's absolute path. */
    public Path path() {
        return path;
    }

    @Override
    public synchronized void log(String label, byte[] clientRandom, byte[] secret) {
        byte[] line = null;
        try {
            if (closed) {
                return;
            }
            line = KeyLogLine.encode(label, clientRandom, secret);
            if (recent.put(label + ' ' + KeyLogLine.hex(clientRandom), Boolean.TRUE) != null) {
                return;
            }
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException | RuntimeException e) {
            // The message names the file and the failure, never the line.
            AgentLog.warnOnce("keylog write " + path, "could not write to the key log " + path + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            KeyLogLine.wipe(line);
            KeyLogLine.wipe(secret);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        recent.clear();
        channel.close();
    }
}
