def log = new File(basedir, 'build.log').text
// The agent's own parser checked the setting; the plugin names its parameter in front.
assert log.contains("guarded.mode: mode=fast is not one of hb, lockset, hybrid")
