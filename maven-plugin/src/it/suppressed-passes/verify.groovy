def log = new File(basedir, 'build.log').text
assert log.contains('Guarded: 0 data races in 0 fields (2 suppressed)')
assert log.contains('com.example.Cache.hash') : 'suppressed races are still shown'
assert log.contains('com.example.Cache.hits')
