#!/usr/bin/env python3
"""Prints one line per program from the Failsafe XML reports: PASS/FAIL and the first line of the failure.

Usage: agent-tests/scripts/summary.py [agent-tests/target/failsafe-reports]
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "target", "failsafe-reports")
for path in sorted(glob.glob(os.path.join(folder, "TEST-*.xml"))):
    suite = ET.parse(path).getroot()
    print("==", suite.get("name"), "tests", suite.get("tests"), "failures", suite.get("failures"),
          "skipped", suite.get("skipped"), "time", suite.get("time"))
    for case in suite.findall("testcase"):
        name = case.get("name").split(") ", 1)[-1]
        failure = case.find("failure")
        if failure is None:
            failure = case.find("error")
        skipped = case.find("skipped")
        if failure is not None:
            print(f"FAIL {name:40s} {(failure.get('message') or '').splitlines()[0][:220]}")
        elif skipped is not None:
            reason = skipped.get("message") or (skipped.text or "").strip().splitlines()[0:1]
            print(f"SKIP {name:40s} {reason if isinstance(reason, str) else ''.join(reason)}"[:260])
        else:
            print(f"PASS {name:40s} {case.get('time')}s")
