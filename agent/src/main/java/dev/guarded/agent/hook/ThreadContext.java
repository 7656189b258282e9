package dev.guarded.agent.hook;

/**
 * What instrumented code needs of the detector's per-thread state on the access fast path: the epoch that a
 * location's shadow word must hold for the access to need no further check. Instrumented methods fetch the
 * current context once, at entry ({@link Hooks#context()}), and keep it in a local; the detector's thread
 * state extends this class, so the fast path is one field load and a compare, with no call.
 *
 * <p>Only the owning thread writes {@link #accessEpoch}; other threads never read it.
 */
public class ThreadContext {

    /** Never an epoch and never a value a shadow word holds: comparisons with it always fail. */
    public static final long NO_EPOCH = Long.MIN_VALUE;

    /**
     * A context that never matches, for threads the detector does not track (yet): every access takes the
     * slow path, where the detector decides.
     */
    static final ThreadContext UNTRACKED = new ThreadContext();

    /**
     * The epoch the access fast path compares with: the thread's current epoch, or {@link #NO_EPOCH} while
     * the detector needs to see the next access (a tick is pending, the thread is ignored).
     */
    public long accessEpoch = NO_EPOCH;

    /**
     * The array this thread last accessed through the slow path, never null (so that a null array never
     * matches): with {@link #lastPageIndex} and {@link #lastPage} it lets a loop over one array answer
     * same-epoch element accesses without a call. Keeps that one array reachable while the thread lives.
     */
    public Object lastArray = NO_ARRAY;
    /** Which page of {@link #lastArray} ({@code index >>> PAGE_BITS}) {@link #lastPage} holds. */
    public int lastPageIndex = -1;
    /** The shadow words of that page: per element write epoch, read epoch, sites. */
    public long[] lastPage;
    /**
     * This thread's read bitmap for that page, or null: word 0 is the epoch it holds for, word 1 the page
     * generation (the page's last word) it holds for, then one bit per element this thread has read then. It
     * answers reads of elements several threads read, whose read word cannot hold every reader's epoch.
     */
    public long[] lastBits;

    /** The array before {@link #lastArray} (two arrays used in turn, as in {@code a[j] += b[j]}), never null. */
    public Object prevArray = NO_ARRAY;
    /** Which page of {@link #prevArray} {@link #prevPage} holds. */
    public int prevPageIndex = -1;
    /** The shadow words of that page. */
    public long[] prevPage;
    /** This thread's read bitmap for that page, or null. */
    public long[] prevBits;

    /**
     * More recently used arrays, direct-mapped by identity hash ({@link #RECENT} ways, later {@link
     * #RECENT_GROWN}), allocated at the thread's first element access: code that interleaves several arrays (a
     * matrix product reads two rows and writes a third) finds each one here without calling the detector. Entry
     * {@code i} holds an array, the index of one of its pages and that page's words.
     */
    public Object[] recentArrays;
    /** See {@link #recentArrays}. */
    public int[] recentPageIndexes;
    /** See {@link #recentArrays}. */
    public long[][] recentPages;
    /** See {@link #recentArrays}: this thread's read bitmaps of those pages. */
    public long[][] recentBits;
    /**
     * The last range this thread's loops read and wrote in full ({@link Hooks#elementRangeRead}), or null before
     * its first range check: a loop nested in another checks the same row again and again in one epoch, and a
     * range already checked in the current epoch needs no check. A separate object, so that a thread that never
     * runs such a loop (most virtual threads) pays one reference for it.
     */
    public RangeMemo ranges;

    /**
     * The read-shared fields this thread has read in its current epoch, or null before its first such read:
     * word 0 is the epoch the table holds for, then {@link #SHARED_READS} slots, each the read mark of one
     * field, direct-mapped by the mark's low bits. A field that several threads read concurrently keeps their
     * epochs in a read set, so its read word cannot hold this thread's epoch; it holds a mark instead, a
     * negative value unique to that field's current spell of shared reads (a write ends the spell). Finding
     * the field's mark here means this thread read it in this epoch and nothing wrote it since: FastTrack's
     * read-shared same-epoch rule, answered inline ({@link Hooks#sharedReadKnown}). A separate array, so a
     * thread that never reads a shared field pays one reference; it keeps no object reachable.
     */
    public long[] sharedReads;
    /** Slots of {@link #sharedReads} (a power of two). */
    public static final int SHARED_READS = 64;

    /**
     * Classes whose finished initialization this logical thread has acquired, direct-mapped by identity hash
     * ({@link #INITIALIZED_WAYS} ways), or null before the first: an initializer's clock is released once, when
     * it returns, so one acquire after that is all a thread ever needs, and code that calls static methods or
     * reads statics of other classes in a loop would otherwise call the detector every time. Keeps at most that
     * many classes reachable while the thread lives, as the array caches keep their arrays.
     */
    private Class<?>[] initialized;
    /** Ways of {@link #initialized} (a power of two). */
    static final int INITIALIZED_WAYS = 16;

    /** Ways of the recent-array cache when allocated (a power of two). */
    public static final int RECENT = 16;
    /**
     * Ways it grows to once the thread has refilled it {@link #GROW_AFTER} times: a loop nest that walks hundreds
     * of rows (a matrix product reads every row of one matrix for each row of the other) misses a small cache on
     * every row, and each miss is a detector call. Only threads that do that much array work pay the 4 KB.
     */
    public static final int RECENT_GROWN = 256;
    /** Refills of the recent-array cache after which it grows to {@link #RECENT_GROWN} ways. */
    public static final int GROW_AFTER = 4096;
    /** Refills of the recent-array cache so far (counted up to {@link #GROW_AFTER}). */
    private int refills;

    /**
     * Elements per page of array shadow words, as a shift. Each move to another page of a loop's array costs a
     * detector call and a jump to another stream of words, which measured at 256 elements per page as a fifth
     * of the field-heavy workload's time (its particle array); pages are sized to the elements they cover, so a
     * small array pays nothing for the size, and a large one touched in a few places pays up to 24 KB a page.
     */
    public static final int PAGE_BITS = 10;
    /** Shadow words per array element in a page. */
    public static final int WORDS_PER_ELEMENT = 3;
    // The last word of a page of array shadow words is the page's generation: bumped whenever a write forgets
    // the readers of a read-shared element of the page, which invalidates every read bitmap of the page. Pages
    // are sized to the elements they cover, so the generation is found from the page's length.

    private static final Object NO_ARRAY = new Object();

    /**
     * Makes the recent-cache entry of {@code array} the last array, when it holds the page of {@code index}.
     * Called by the inline element check after the last array did not match.
     *
     * @return whether the entry was there
     */
    public final boolean recall(Object array, int index) {
        Object[] arrays = recentArrays;
        if (arrays == null) {
            return false;
        }
        int way = System.identityHashCode(array) & (arrays.length - 1);
        int page = index >>> PAGE_BITS;
        if (arrays[way] != array || recentPageIndexes[way] != page) {
            return false;
        }
        prevArray = lastArray;
        prevPageIndex = lastPageIndex;
        prevPage = lastPage;
        prevBits = lastBits;
        lastArray = array;
        lastPageIndex = page;
        lastPage = recentPages[way];
        lastBits = recentBits[way];
        return true;
    }

    /**
     * Records {@code page} as the words of page {@code pageIndex} of {@code array}, last and recent, with this
     * thread's read bitmap of that page ({@code bits}, may be null).
     */
    public final void remember(Object array, int pageIndex, long[] page, long[] bits) {
        if (array != lastArray) {
            prevArray = lastArray;
            prevPageIndex = lastPageIndex;
            prevPage = lastPage;
            prevBits = lastBits;
        }
        lastArray = array;
        lastPageIndex = pageIndex;
        lastPage = page;
        lastBits = bits;
        if (recentArrays == null) {
            allocateRecent(RECENT);
        } else if (refills < GROW_AFTER && ++refills == GROW_AFTER) {
            allocateRecent(RECENT_GROWN);   // the entries it had are dropped: they come back on their next miss
        }
        int way = System.identityHashCode(array) & (recentArrays.length - 1);
        recentArrays[way] = array;
        recentPageIndexes[way] = pageIndex;
        recentPages[way] = page;
        recentBits[way] = bits;
    }

    /**
     * Whether this logical thread already acquired the finished initialization of {@code type}: the inline
     * test of {@link Hooks#classUsed}. {@code Class} keeps {@code Object}'s identity hash.
     */
    public final boolean initializationKnown(Class<?> type) {
        Class<?>[] known = initialized;
        return known != null && known[type.hashCode() & (INITIALIZED_WAYS - 1)] == type;
    }

    /** Records that this logical thread acquired the finished initialization of {@code type}. */
    protected final void initializationAcquired(Class<?> type) {
        Class<?>[] known = initialized;
        if (known == null) {
            known = initialized = new Class<?>[INITIALIZED_WAYS];
        }
        known[type.hashCode() & (INITIALIZED_WAYS - 1)] = type;
    }

    private void allocateRecent(int ways) {
        recentArrays = new Object[ways];
        recentPageIndexes = new int[ways];
        recentPages = new long[ways][];
        recentBits = new long[ways][];
    }

    /**
     * Drops the array and class caches, so that a context no thread will use again (its thread ended) keeps
     * neither the arrays it saw last nor their pages nor classes reachable. A context used after this only misses, and asks the
     * detector.
     */
    protected final void forgetArrays() {
        lastArray = NO_ARRAY;
        lastPageIndex = -1;
        lastPage = null;
        lastBits = null;
        prevArray = NO_ARRAY;
        prevPageIndex = -1;
        prevPage = null;
        prevBits = null;
        recentArrays = null;
        recentPageIndexes = null;
        recentPages = null;
        recentBits = null;
        ranges = null;
        initialized = null;
        sharedReads = null;
    }

    /**
     * Notes that this thread read, in epoch {@code epoch}, the shared field whose read word holds {@code mark}:
     * {@link Hooks#sharedReadKnown} answers this thread's further reads of it in the epoch. A table filled in
     * an earlier epoch is emptied first.
     *
     * @param mark  a read mark (negative, never {@link #NO_EPOCH})
     * @param epoch the thread's current epoch, which {@link #accessEpoch} holds
     */
    public final void sharedRead(long mark, long epoch) {
        long[] table = sharedReads;
        if (table == null) {
            table = sharedReads = new long[1 + SHARED_READS];
        } else if (table[0] != epoch) {
            java.util.Arrays.fill(table, 0L);
        }
        table[0] = epoch;
        table[1 + ((int) mark & (SHARED_READS - 1))] = mark;
    }

    /**
     * One read range and one write range, each checked in full by this thread in {@code epoch}: every element
     * of {@code [from, to)} of {@code array}. Within the epoch a check of any part of it again would be a
     * same-epoch check, which never reports and changes nothing (a write range covers reads too). Keeps the two
     * arrays reachable while the thread lives, as the last-array cache does.
     */
    public static final class RangeMemo {
        Object readArray;
        int readFrom;
        int readTo;
        long readEpoch = NO_EPOCH;
        Object writtenArray;
        int writtenFrom;
        int writtenTo;
        long writtenEpoch = NO_EPOCH;

        /**
         * @return whether {@code [from, to)} of {@code array} was checked in full in {@code epoch} for a write, or
         *     for {@code word} 1 (a read) for a read or a write
         */
        boolean covers(Object array, int from, int to, long epoch, int word) {
            return (array == writtenArray && epoch == writtenEpoch && from >= writtenFrom && to <= writtenTo)
                    || (word == 1 && array == readArray && epoch == readEpoch && from >= readFrom && to <= readTo);
        }

        /** Records that {@code [from, to)} of {@code array} was checked in full in {@code epoch} for {@code word}. */
        void checked(Object array, int from, int to, long epoch, int word) {
            if (word == 0) {
                writtenArray = array;
                writtenFrom = from;
                writtenTo = to;
                writtenEpoch = epoch;
            } else {
                readArray = array;
                readFrom = from;
                readTo = to;
                readEpoch = epoch;
            }
        }
    }

    /** Subclassed by the detector's thread state. */
    protected ThreadContext() {
    }
}
