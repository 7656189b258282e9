def log = new File(basedir, 'build.log').text
assert log.contains('Guarded: skipping')
assert !log.contains('-javaagent:') : 'no agent argument when skipped'
def dir = new File(basedir, 'target/guarded')
assert !dir.exists() || dir.listFiles().length == 0 : 'the agent must not have run'
