package dev.guarded.agent.internal.meta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of fields and sites, written by the instrumenter at transformation time and read by the
 * detector when it reports. Ids are dense, starting at 0, and never reused. A field is registered once per
 * (owner, name) as the bytecode names it. Thread-safe: transformations run concurrently on class-loading
 * threads; lookups by id are lock-free reads of a published array.
 */
public final class Metadata {

    private static final Metadata GLOBAL = new Metadata();

    private final Map<String, FieldInfo> fieldsByName = new HashMap<>();
    private final List<SiteInfo> siteList = new ArrayList<>();
    private volatile FieldInfo[] fields = new FieldInfo[64];
    private volatile SiteInfo[] sites = new SiteInfo[256];
    private int fieldCount;
    /** Per field id: whether its declaring class keeps the field's state in shadow words. */
    private volatile boolean[] words = new boolean[64];

    /** @return the registry shared by the instrumenter and the detector of this JVM */
    public static Metadata global() {
        return GLOBAL;
    }

    /**
     * Registers a field (or finds it registered) and returns its id.
     *
     * @param owner binary class name (dots), name, descriptor as in the bytecode
     * @param benign whether the field is annotated as an intentional race; sticky once true
     */
    public synchronized int field(String owner, String name, String descriptor, boolean isStatic, boolean benign) {
        String key = owner + '.' + name;
        FieldInfo known = fieldsByName.get(key);
        if (known != null) {
            if (benign && !known.benign()) {
                known = new FieldInfo(known.id(), owner, name, descriptor, isStatic, true);
                fieldsByName.put(key, known);
                publishField(known);
            }
            return known.id();
        }
        FieldInfo info = new FieldInfo(fieldCount++, owner, name, descriptor, isStatic, benign);
        fieldsByName.put(key, info);
        publishField(info);
        return info.id();
    }

    /** Marks an already registered or future field as benign (its declaring class was seen with the annotation). */
    public synchronized void markBenign(String owner, String name, String descriptor, boolean isStatic) {
        field(owner, name, descriptor, isStatic, true);
    }

    /**
     * Records that the class declaring field {@code id} was given shadow words for it. Called while that
     * class is being defined, so before any of its instances exists.
     */
    public synchronized void markWords(int id) {
        boolean[] current = words;
        if (id >= current.length) {
            current = java.util.Arrays.copyOf(current, Math.max(id + 1, current.length * 2));
        }
        current[id] = true;
        words = current;
    }

    /** @return whether field {@code id} has shadow words in its objects */
    public boolean hasWords(int id) {
        boolean[] current = words;
        return id >= 0 && id < current.length && current[id];
    }

    /** Registers a new site and returns its id; every call returns a fresh id. */
    public synchronized int site(String className, String method, String file, int line) {
        SiteInfo info = new SiteInfo(siteList.size(), className, method, file, line);
        siteList.add(info);
        SiteInfo[] current = sites;
        if (info.id() >= current.length) {
            current = java.util.Arrays.copyOf(current, current.length * 2);
        }
        current[info.id()] = info;
        sites = current;
        return info.id();
    }

    /** @return the field with this id, or null when no such id was handed out */
    public FieldInfo fieldById(int id) {
        FieldInfo[] current = fields;
        return id >= 0 && id < current.length ? current[id] : null;
    }

    /** @return the site with this id, or null when no such id was handed out */
    public SiteInfo siteById(int id) {
        SiteInfo[] current = sites;
        return id >= 0 && id < current.length ? current[id] : null;
    }

    private void publishField(FieldInfo info) {
        FieldInfo[] current = fields;
        if (info.id() >= current.length) {
            current = java.util.Arrays.copyOf(current, current.length * 2);
        }
        current[info.id()] = info;
        fields = current;
    }
}
