def log = new File(basedir, 'build.log').text
assert log.contains("guarded.mode 'fast' is not a detector mode; accepted: hb, lockset, hybrid")
