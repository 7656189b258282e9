package dev.guarded.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes report files so that a reader never sees a half-written one. */
public final class AtomicFileWriter {

    /** The usual mode of a written file, {@code 0644}: reports are meant to be read by other users and tools. */
    public static final Set<PosixFilePermission> REPORT_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFileWriter() {
    }

    /**
     * Writes {@code text} to a temporary file next to {@code target}, then moves it over {@code target}
     * atomically (a plain replacing move where the file system cannot move atomically). Creates parent
     * directories. On POSIX file systems the file gets mode {@code 0644}: the temporary file is created
     * {@code 0600}, which would otherwise survive the move.
     *
     * @param target the file to write
     * @param text   its whole content, written as UTF-8
     * @throws IOException when the file cannot be written
     */
    public static void writeAtomically(Path target, String text) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, abs.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, REPORT_PERMISSIONS);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
