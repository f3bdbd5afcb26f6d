"""Starts Debian's wapiti 3.0.4 (same arguments as the wapiti command) with one fix.

Wapiti 3.0.4 compiles each --exclude pattern with its inline flags at the end of the
expression, which Python 3.11 refuses ("global flags not at the start of the expression"), so any
--exclude stops the scan before it starts. This launcher replaces that one function with one that
puts the flags first, then runs wapiti's own entry point. Used by org.claimdesk.scan.SecurityScanIT.
"""
import re
import sys

from wapitiCore.net import crawler


def wildcard_translate(pattern):
    """The exclude pattern (with * as a wildcard) as a regular expression matching whole URLs."""
    return re.compile("(?ms)" + "".join(".*" if char == "*" else re.escape(char) for char in pattern) + r"\Z")


crawler.wildcard_translate = wildcard_translate

from wapitiCore.main.wapiti import wapiti_main  # noqa: E402  (after the fix above)

sys.argv[0] = "wapiti"
sys.exit(wapiti_main())
