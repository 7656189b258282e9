package dev.guarded.agent.hook;

/**
 * The static entry points that instrumented bytecode calls. This class and {@link HookListener} are put on
 * the bootstrap class path by the agent so that every class loader, the JDK's own included, can see them;
 * they depend on nothing but {@code java.base}.
 *
 * <p>Each method forwards to the installed listener. Until {@link #install} runs, the listener is
 * {@link HookListener#NONE}, so instrumented code behaves exactly as uninstrumented code.
 */
public final class Hooks {

    /**
     * Set in the site id of a write's check that also stands for the read just before it, whose own check the
     * instrumenter left out (read-modify-write coalescing: {@code value++}). The detector strips it; its
     * stale-write log records that read, so the write is not taken for the write-back of an older one.
     */
    public static final int COVERS_READ = 1 << 30;

    private static volatile HookListener listener = HookListener.NONE;

    /**
     * The calling thread's context, cached here so that {@link #context()} costs a thread-local lookup rather
     * than a search of the detector's tables. The detector sets it ({@link #setContext}); a thread without one
     * asks the listener.
     */
    private static final ThreadLocal<ThreadContext> CONTEXT = new ThreadLocal<>();

    private Hooks() {
    }

    /**
     * Installs the detector. Called once by the agent before any class is transformed.
     *
     * @param newListener the detector; not null
     */
    public static void install(HookListener newListener) {
        if (newListener == null) {
            throw new NullPointerException("listener");
        }
        listener = newListener;
    }

    /** @return the installed listener ({@link HookListener#NONE} before installation) */
    public static HookListener listener() {
        return listener;
    }

    /** See {@link HookListener#read}. */
    public static void read(Object owner, int fieldId, int siteId) {
        listener.read(owner, fieldId, siteId);
    }

    /** See {@link HookListener#write}. */
    public static void write(Object owner, int fieldId, int siteId) {
        listener.write(owner, fieldId, siteId);
    }

    /** See {@link HookListener#arrayRead}. */
    public static void arrayRead(Object array, int index, int siteId) {
        listener.arrayRead(array, index, siteId);
    }

    /** See {@link HookListener#arrayWrite}. */
    public static void arrayWrite(Object array, int index, int siteId) {
        listener.arrayWrite(array, index, siteId);
    }

    /** See {@link HookListener#volatileRead}. */
    public static void volatileRead(Object owner, int fieldId) {
        listener.volatileRead(owner, fieldId);
    }

    /** See {@link HookListener#volatileWrite}. */
    public static void volatileWrite(Object owner, int fieldId) {
        listener.volatileWrite(owner, fieldId);
    }

    /** See {@link HookListener#lockAcquired}. */
    public static void lockAcquired(Object lock, int siteId) {
        listener.lockAcquired(lock, siteId);
    }

    /** See {@link HookListener#lockReleasing}. */
    public static void lockReleasing(Object lock, int siteId) {
        listener.lockReleasing(lock, siteId);
    }

    /** See {@link HookListener#exclusiveLockAcquired}. */
    public static void exclusiveLockAcquired(Object lock, int siteId) {
        listener.exclusiveLockAcquired(lock, siteId);
    }

    /** See {@link HookListener#exclusiveLockReleasing}. */
    public static void exclusiveLockReleasing(Object lock, int siteId) {
        listener.exclusiveLockReleasing(lock, siteId);
    }

    /** See {@link HookListener#lockHeld}. */
    public static void lockHeld(Object lock, int siteId) {
        listener.lockHeld(lock, siteId);
    }

    /** See {@link HookListener#lockDropped}. */
    public static void lockDropped(Object lock, int siteId) {
        listener.lockDropped(lock, siteId);
    }

    /** See {@link HookListener#acquire}; channel 0. */
    public static void acquire(Object key) {
        listener.acquire(key, 0);
    }

    /** See {@link HookListener#release}; channel 0. */
    public static void release(Object key) {
        listener.release(key, 0);
    }

    /** See {@link HookListener#acquire}. */
    public static void acquire(Object key, int channel) {
        listener.acquire(key, channel);
    }

    /** See {@link HookListener#release}. */
    public static void release(Object key, int channel) {
        listener.release(key, channel);
    }

    /** A read-modify-write on a sync key (CAS, getAndSet, exchange): acquire then release, channel 0. */
    public static void acquireRelease(Object key) {
        HookListener l = listener;
        l.acquire(key, 0);
        l.release(key, 0);
    }

    /** See {@link HookListener#threadStarting}. */
    public static void threadStarting(Thread thread) {
        listener.threadStarting(thread);
    }

    /** See {@link HookListener#threadTerminated}. */
    public static void threadTerminated(Thread thread) {
        listener.threadTerminated(thread);
    }

    /** See {@link HookListener#threadExiting}. */
    public static void threadExiting() {
        listener.threadExiting();
    }

    /** See {@link HookListener#classInitialized}. */
    public static void classInitialized(Class<?> type) {
        listener.classInitialized(type);
    }

    /**
     * See {@link HookListener#classUsed}; answered inline once the thread has acquired the type's finished
     * initialization ({@link ThreadContext#initializationKnown}).
     */
    public static void classUsed(Class<?> type) {
        ThreadContext context = CONTEXT.get();
        if (context == null || !context.initializationKnown(type)) {
            listener.classUsed(type);
        }
    }

    /** As {@link #classUsed(Class)}, in a method that holds its context already. */
    public static void classUsed(Class<?> type, ThreadContext context) {
        if (!context.initializationKnown(type)) {
            listener.classUsed(type);
        }
    }

    /** See {@link HookListener#ignoreBegin}. */
    public static void ignoreBegin() {
        listener.ignoreBegin();
    }

    /** See {@link HookListener#ignoreEnd}. */
    public static void ignoreEnd() {
        listener.ignoreEnd();
    }

    // ---- the access fast path over shadow words (see ThreadContext) ----
    // Instrumented code loads a location's shadow word itself and passes it with the method's context; these
    // bodies are a compare and a rarely taken call, small enough that C2 inlines them at every access.

    /**
     * The calling thread's context, fetched once at the entry of an instrumented method that accesses
     * fields with shadow words.
     *
     * @return never null; a context that never matches while the detector does not track the thread
     */
    public static ThreadContext context() {
        ThreadContext c = CONTEXT.get();
        return c != null ? c : listener.context();
    }

    /**
     * @return the calling thread's cached context, or null when the detector has not set one. For the detector
     *     only: it finds its state for the calling thread here before searching its own tables.
     */
    public static ThreadContext cachedContext() {
        return CONTEXT.get();
    }

    /**
     * Makes {@code context} the one {@link #context()} returns on the calling thread. For the detector only.
     *
     * @param context the detector's state for the calling thread (or the logical task it runs)
     */
    public static void setContext(ThreadContext context) {
        CONTEXT.set(context);
    }

    /**
     * After a read of a plain instance field that has shadow words: nothing to do when the field's read
     * word already holds the thread's current epoch.
     *
     * @param owner    the object read
     * @param readWord the field's read word, as loaded by the caller
     * @param context  the calling method's {@link #context()}
     */
    public static void fieldRead(Object owner, long readWord, ThreadContext context, int fieldId, int siteId) {
        if (readWord != context.accessEpoch && !sharedReadKnown(readWord, context)) {
            listener.wordRead(owner, context, fieldId, siteId);
        }
    }

    /**
     * Whether a read of a field that several threads read concurrently needs no call: the read word holds
     * the field's read mark (negative), and this thread noted reading under that mark in its current epoch
     * ({@link ThreadContext#sharedReads}). The mark identifies the field and its spell of shared reads, so
     * the owner and field need no compare. A separate method, reached only when the epoch compare fails,
     * so that {@link #fieldRead} stays small enough to inline at every access.
     *
     * @param readWord the field's read word, as loaded by the caller
     * @param context  the calling method's {@link #context()}
     * @return true when the read needs no call into the detector
     */
    public static boolean sharedReadKnown(long readWord, ThreadContext context) {
        long[] table = context.sharedReads;
        return readWord < 0 && table != null && table[0] == context.accessEpoch
                && table[1 + ((int) readWord & (ThreadContext.SHARED_READS - 1))] == readWord;
    }

    /**
     * After a write of a plain instance field that has shadow words: nothing to do when the field's write
     * word already holds the thread's current epoch.
     *
     * @param owner     the object written
     * @param writeWord the field's write word, as loaded by the caller
     * @param context   the calling method's {@link #context()}
     */
    public static void fieldWrite(Object owner, long writeWord, ThreadContext context, int fieldId, int siteId) {
        if (writeWord != context.accessEpoch) {
            listener.wordWrite(owner, context, fieldId, siteId);
        }
    }

    /**
     * Lets an asynchronous or fatal throwable that arrived inside the detector reach the program, as it would
     * have without the agent: {@code Thread.stop}'s {@code ThreadDeath} (a stopped thread must stop), and any
     * {@code VirtualMachineError} ({@code StackOverflowError}, {@code OutOfMemoryError}). Anything else is the
     * detector's own failure and returns normally, for the caller to report and drop. The JDK model's advice
     * routes its suppressed throwables here too.
     *
     * @param error what a hook caught
     */
    @SuppressWarnings("deprecation") // ThreadDeath: deprecated on JDK 20+, still what Thread.stop throws on 17
    public static void rethrowIfFatal(Throwable error) {
        if (error instanceof VirtualMachineError) {
            throw (VirtualMachineError) error;
        }
        if (error instanceof ThreadDeath) {
            throw (ThreadDeath) error;
        }
    }

    /**
     * After an {@code Unsafe} volatile or acquire load, and around an {@code Unsafe} read-modify-write, at an
     * application call site: acquires the base object's {@link Bridges#FIELD_ATOMICS} channel, the one its
     * volatile fields, VarHandles and field updaters use. A null base (an absolute address) orders nothing.
     *
     * @param base the object or array the access is relative to, or null
     */
    public static void unsafeAcquire(Object base) {
        if (base != null) {
            listener.acquire(base, Bridges.FIELD_ATOMICS);
        }
    }

    /**
     * Before an {@code Unsafe} volatile, ordered ({@code putOrdered*}) or release store, or read-modify-write,
     * at an application call site: releases into the base object's {@link Bridges#FIELD_ATOMICS} channel.
     *
     * @param base the object or array the access is relative to, or null
     */
    public static void unsafeRelease(Object base) {
        if (base != null) {
            listener.release(base, Bridges.FIELD_ATOMICS);
        }
    }

    /**
     * Before a load of {@code array[index]} in a method that has a context: nothing to do when the element's
     * read word in the thread's last (or a recent) array page holds the current epoch, as in a loop over
     * arrays the thread already touched in this epoch.
     */
    public static void elementRead(Object array, int index, ThreadContext context, int siteId) {
        if (!elementCovered(array, index, context, 1)) {
            listener.elementRead(array, index, context, siteId);
        }
    }

    /** Before a store to {@code array[index]}: as {@link #elementRead}, with the element's write word. */
    public static void elementWrite(Object array, int index, ThreadContext context, int siteId) {
        if (!elementCovered(array, index, context, 0)) {
            listener.elementWrite(array, index, context, siteId);
        }
    }

    /**
     * At the exit of a loop whose reads of {@code array[i]} the instrumenter moved there: checks the reads of
     * elements {@code from} (inclusive) to {@code to} (exclusive), each as {@link #elementRead} would have in the
     * loop. The loop ran in one epoch (nothing in it can synchronize), so the checks answer as the loop's own
     * would; one call per loop instead of one per element keeps the loop free of calls, and the JIT can
     * vectorize it.
     */
    public static void elementRangeRead(Object array, int from, int to, ThreadContext context, int siteId) {
        rangeCheck(array, from, to, context, siteId, 1);
    }

    /** As {@link #elementRangeRead}, for a loop's moved writes. */
    public static void elementRangeWrite(Object array, int from, int to, ThreadContext context, int siteId) {
        rangeCheck(array, from, to, context, siteId, 0);
    }

    /** The range check of {@code word} (0 write, 1 read); see {@link #elementRangeRead}. */
    private static void rangeCheck(Object array, int from, int to, ThreadContext context, int siteId, int word) {
        long epoch = context.accessEpoch;
        ThreadContext.RangeMemo memo = context.ranges;
        if (memo != null && memo.covers(array, from, to, epoch, word)) {
            return;   // this thread checked all of it in this epoch already
        }
        int i = from;
        while (i < to) {
            if (!elementCovered(array, i, context, word)) {
                if (word == 0) {
                    listener.elementWrite(array, i, context, siteId);
                } else {
                    listener.elementRead(array, i, context, siteId);
                }
            }
            i = coveredRun(array, i + 1, to, context, word);
        }
        if (epoch != ThreadContext.NO_EPOCH && context.accessEpoch == epoch && from < to) {
            (memo != null ? memo : (context.ranges = new ThreadContext.RangeMemo())).checked(array, from, to, epoch,
                    word);
        }
    }

    /**
     * Skips the elements from {@code from} on that the last array's page, now cached, answers: the loop of
     * {@link #pageCovers} without finding the page again for each element.
     *
     * @return the first element from {@code from} (up to {@code to}) that the page does not answer
     */
    private static int coveredRun(Object array, int from, int to, ThreadContext context, int word) {
        if (array != context.lastArray || from >= to) {
            return from;
        }
        int page = from >>> ThreadContext.PAGE_BITS;
        if (page != context.lastPageIndex) {
            return from;
        }
        long[] words = context.lastPage;
        long[] bits = context.lastBits;
        long epoch = context.accessEpoch;
        // the bitmap answers reads while it holds for this epoch and the page's generation (see pageCovers)
        boolean bitmap = word == 1 && bits != null && bits[0] == epoch && bits[1] == words[words.length - 1];
        int end = Math.min(to, (page + 1) << ThreadContext.PAGE_BITS);
        int elements = (words.length - 1) / ThreadContext.WORDS_PER_ELEMENT;   // a page holds only these
        int i = from;
        for (; i < end; i++) {
            int slot = i & ((1 << ThreadContext.PAGE_BITS) - 1);
            if (slot >= elements) {
                break;
            }
            if (bitmap && (slot & 63) == 0 && slot + 64 <= elements && i + 64 <= end
                    && bits[2 + (slot >>> 6)] == -1L) {
                i += 63;   // the bitmap has all 64 elements from here: one compare for them
                continue;
            }
            int at = slot * ThreadContext.WORDS_PER_ELEMENT + word;
            if (words[at] != epoch && !(bitmap && (bits[2 + (slot >>> 6)] & (1L << slot)) != 0)) {
                break;
            }
        }
        return i;
    }

    /**
     * Whether the inline check answers this element access: word {@code word} (0 write, 1 read) of the element
     * holds the context's epoch or, for a read, the thread's read bitmap of the page says it read the element in
     * this epoch already. Looks in the last array's page, then the previous one's (no stores: two arrays used
     * in turn both stay cached), then the recent-array cache. Public for the detector's differential tests.
     *
     * @return true when the access needs no call into the detector
     */
    public static boolean elementCovered(Object array, int index, ThreadContext context, int word) {
        int page = index >>> ThreadContext.PAGE_BITS;
        long[] words;
        long[] bits;
        if (array == context.lastArray && page == context.lastPageIndex) {
            words = context.lastPage;
            bits = context.lastBits;
        } else if (array == context.prevArray && page == context.prevPageIndex) {
            words = context.prevPage;
            bits = context.prevBits;
        } else if (array != null && context.recall(array, index)) {
            words = context.lastPage;
            bits = context.lastBits;
        } else {
            return false;
        }
        return pageCovers(words, bits, index, context.accessEpoch, word);
    }

    /**
     * The test behind {@link #elementCovered}, once the element's page is found: whether the element's word
     * ({@code word} 0 for a write, 1 for a read) shows an access in {@code epoch}, or for a read, this thread's
     * read bitmap of the page does. The detector's slow path asks it too before it takes the page's monitor: a
     * call that only missed the thread's array caches has nothing to check.
     */
    public static boolean pageCovers(long[] words, long[] bits, int index, long epoch, int word) {
        int slot = index & ((1 << ThreadContext.PAGE_BITS) - 1);
        int at = slot * ThreadContext.WORDS_PER_ELEMENT + word;
        // A page holds only the elements the array has (the last word is its generation): an index past the
        // array's end falls outside it, and the program's own access must be the one that throws.
        if (at >= words.length - 1) {
            return false;
        }
        if (words[at] == epoch) {
            return true;
        }
        // Second chance, for reads only: an element several threads read keeps a marker in its read word.
        // The bitmap holds while the page's generation is the one it was filled in: a write that turns a shared
        // element exclusive again forgets its readers, and their next reads must be recorded anew.
        return word == 1 && bits != null && bits[0] == epoch
                && bits[1] == words[words.length - 1]
                && (bits[2 + (slot >>> 6)] & (1L << slot)) != 0;
    }

    /**
     * After a {@code clone()} call returned {@code copy}: {@code Object.clone} copied the original's shadow
     * words with its fields, and the copy must not share the original's access history; see
     * {@link HookListener#cloned}.
     */
    public static void cloned(Object copy, int siteId) {
        listener.cloned(copy, siteId);
    }

    /** See {@link HookListener#callRead}. */
    public static void callRead(Object receiver, int siteId) {
        listener.callRead(receiver, siteId);
    }

    /**
     * See {@link HookListener#threadLocalUsed}. The hooks' own per-thread cache is a {@code ThreadLocal} too;
     * its uses are the detector finding its state and never reach the listener (they would recurse).
     */
    public static void threadLocalUsed(Object threadLocal) {
        if (threadLocal != CONTEXT) {
            listener.threadLocalUsed(threadLocal);
        }
    }

    /** See {@link HookListener#callWrite}. */
    public static void callWrite(Object receiver, int siteId) {
        listener.callWrite(receiver, siteId);
    }

    /** See {@link HookListener#callView}. */
    public static void callView(Object view, Object receiver) {
        listener.callView(view, receiver);
    }

    /** See {@link HookListener#taskBegin}. */
    public static void taskBegin(Object task, Object executor, boolean inheritCaller) {
        listener.taskBegin(task, executor, inheritCaller);
    }

    /** See {@link HookListener#taskEnd}. */
    public static void taskEnd(Object task) {
        listener.taskEnd(task);
    }

    /** See {@link HookListener#executorCreated}. */
    public static void executorCreated(Object executor) {
        listener.executorCreated(executor);
    }
}
