package dev.guarded.agent.internal.detect;

import dev.guarded.agent.hook.RaceLog;
import dev.guarded.agent.internal.meta.CallSites;
import dev.guarded.agent.internal.meta.FieldInfo;
import dev.guarded.agent.internal.meta.Metadata;
import dev.guarded.agent.internal.meta.SiteInfo;
import dev.guarded.options.AgentOptions;
import dev.guarded.report.Access;
import dev.guarded.report.Frame;
import dev.guarded.report.JsonReportWriter;
import dev.guarded.report.Race;
import dev.guarded.report.Report;
import dev.guarded.report.SarifWriter;
import dev.guarded.report.TextReportWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns conflicts into {@link Race} reports: one per (kind, location name, unordered pair of sites), with the
 * current stack, the previous access's site, locks and thread start stacks. Prints each unsuppressed race to
 * stderr (unless {@code quiet}), records it in {@link RaceLog} (the JVM-wide detector only), and writes the
 * JSON/SARIF files and the summary once, at {@link #finish()}. Thread-safe.
 */
final class Reporter {

    private final AgentOptions options;
    private final Metadata metadata;
    private final PrintStream err;
    private final boolean global;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final List<Race> races = new ArrayList<>();
    private final AtomicBoolean finished = new AtomicBoolean();

    Reporter(AgentOptions options, Metadata metadata, PrintStream err, boolean global) {
        this.options = options;
        this.metadata = metadata;
        this.err = err;
        this.global = global;
    }

    /**
     * Reports a conflict on a field ({@code arrayType} null), an array element, or the state of a JDK object
     * ({@code fieldId} {@link JdkObjectAccess#FIELD_ID}, the object in {@code cur.callTarget}).
     *
     * @return the race when it was new, else null
     */
    Race report(Conflict prev, boolean curWrite, int curSite, ThreadState cur, LockRef[] curLocks,
                int fieldId, Class<?> arrayType) {
        Object target = fieldId == JdkObjectAccess.FIELD_ID ? cur.callTarget : null;
        Location location = target != null ? new Location(target.getClass().getName(), null, false)
                : location(fieldId, arrayType);
        String field = location.name();
        String owner = location.owner();
        boolean benign = location.benign();
        String kind = prev.unguarded() ? Race.UNGUARDED : Race.DATA_RACE;
        int a = Math.min(curSite, prev.site());
        int b = Math.max(curSite, prev.site());
        if (!seen.add(kind + "|" + field + "|" + a + "|" + b)) {
            return null;
        }
        SiteInfo curInfo = metadata.siteById(curSite);
        SiteInfo prevInfo = metadata.siteById(prev.site());
        boolean suppressed = benign || options.suppressions().suppresses(field, owner,
                curInfo == null ? null : curInfo.className(), prevInfo == null ? null : prevInfo.className());
        String curName = cur.info.name();
        Access current = new Access(curWrite ? "write" : "read", curName, LockRef.names(curLocks),
                currentFrames(curInfo), cur.info.started, target == null ? null : CallSites.callee(curSite));
        Access previous = new Access(prev.write() ? "write" : "read",
                prev.thread() == null ? "<unknown>" : prev.thread().name(), LockRef.names(prev.locks()),
                prevInfo == null ? List.of() : List.of(frame(prevInfo)),
                prev.thread() == null ? List.of() : prev.thread().started,
                target == null ? null : CallSites.callee(prev.site()));
        String object = target == null ? null
                : field + "@" + Integer.toHexString(System.identityHashCode(target));
        return record(new Race(kind, field, suppressed, List.of(current, previous), object), suppressed);
    }

    /** Keeps a new race, prints it unless suppressed or quiet, and halts when asked to. */
    private Race record(Race race, boolean suppressed) {
        synchronized (races) {
            races.add(race);
        }
        if (!suppressed) {
            String text = TextReportWriter.format(race);
            if (global) {
                RaceLog.record(text);
            }
            if (!options.quiet()) {
                err.print(text);
                err.flush();
            }
            if (global && options.halt()) {
                finish();
                Runtime.getRuntime().halt(options.exitCode() >= 0 ? options.exitCode() : 66);
            }
        } else if (options.verbose() && !options.quiet()) {
            err.print(TextReportWriter.format(race));
        }
        return race;
    }

    /**
     * Reports a stale write between async flows ({@link Flows}) on a field or array element: this write (with
     * the current stack), the other flow's write, the earlier read and where the reading flow suspended. One
     * report per location name and (write site, read site).
     *
     * @return the race when it was new, else null
     */
    Race reportStale(Flows.StaleWrite stale, int curSite, ThreadState cur, LockRef[] curLocks, int fieldId,
            Class<?> arrayType) {
        Location location = location(fieldId, arrayType);
        String field = location.name();
        String owner = location.owner();
        boolean benign = location.benign();
        if (!seen.add(Race.STALE_WRITE + "|" + field + "|" + curSite + "|" + stale.readSite())) {
            return null;
        }
        SiteInfo curInfo = metadata.siteById(curSite);
        SiteInfo otherInfo = metadata.siteById(stale.otherSite());
        boolean suppressed = benign || options.suppressions().suppresses(field, owner,
                curInfo == null ? null : curInfo.className(), otherInfo == null ? null : otherInfo.className());
        Access current = new Access("write", stale.currentThread(), LockRef.names(curLocks),
                currentFrames(curInfo), cur.info.started);
        Access other = new Access("write", stale.otherThread(), LockRef.names(stale.otherLocks()),
                withSite(stale.otherStack(), otherInfo), List.of());
        Access read = new Access("read", stale.readThread(), LockRef.names(stale.readLocks()),
                withSite(stale.readStack(), metadata.siteById(stale.readSite())), List.of());
        Access suspended = new Access(Race.SUSPENDED, stale.readThread(), List.of(), stale.suspendedAt(), List.of());
        return record(new Race(Race.STALE_WRITE, field, suppressed, List.of(current, other, read, suspended)),
                suppressed);
    }

    /** What a report names a location by: the field or array type, its declaring class, whether it is benign. */
    private record Location(String name, String owner, boolean benign) {
    }

    /** @return the location of a field ({@code arrayType} null) or of an element of an array of {@code arrayType} */
    private Location location(int fieldId, Class<?> arrayType) {
        if (arrayType != null) {
            return new Location(arrayType.getTypeName(), null, false);
        }
        FieldInfo info = metadata.fieldById(fieldId);
        return info == null ? new Location("<field #" + fieldId + ">", null, false)
                : new Location(info.qualifiedName(), info.owner(), info.benign());
    }

    /** A captured stack whose top is not the access's own site (the hook frame is dropped): the site first. */
    private List<Frame> withSite(List<Frame> stack, SiteInfo site) {
        if (site == null) {
            return stack;
        }
        Frame top = frame(site);
        if (!stack.isEmpty() && stack.get(0).className().equals(top.className())
                && stack.get(0).method().equals(top.method())) {
            return stack;
        }
        List<Frame> out = new ArrayList<>(stack.size() + 1);
        out.add(top);
        out.addAll(stack.subList(0, Math.min(stack.size(), options.stacks() - 1)));
        return out;
    }

    /** @return every race so far, as a report */
    Report snapshot() {
        synchronized (races) {
            return Report.of(options.mode().optionName(), new ArrayList<>(races));
        }
    }

    /**
     * Writes the report files and prints the summary, once; later calls return the same summary without
     * writing again.
     *
     * @return the report as written
     */
    Report finish() {
        Report report = snapshot();
        if (!finished.compareAndSet(false, true)) {
            return report;
        }
        write(options.report(), report, true);
        write(options.sarif(), report, false);
        if (!options.quiet()) {
            err.println(TextReportWriter.summary(report));
        }
        // A misspelt include silently watches nothing; say so even when quiet, since it is a setup error.
        List<String> unmatched = global ? options.unmatchedIncludes() : List.of();
        if (!unmatched.isEmpty()) {
            err.println("guarded: warning: include pattern" + (unmatched.size() == 1 ? " " : "s ")
                    + String.join(", ", unmatched) + " matched no class loaded by this JVM");
        }
        err.flush();
        return report;
    }

    private void write(Path file, Report report, boolean json) {
        if (file == null) {
            return;
        }
        try {
            if (json) {
                JsonReportWriter.write(report, file);
            } else {
                SarifWriter.write(report, file);
            }
        } catch (IOException | RuntimeException e) {
            err.println("guarded: cannot write " + file + ": " + e);
        }
    }

    private List<Frame> currentFrames(SiteInfo site) {
        return withSite(StackCapture.capture(options.stacks()), site);
    }

    private static Frame frame(SiteInfo s) {
        return new Frame(s.className(), s.method(), s.file(), s.line());
    }
}
