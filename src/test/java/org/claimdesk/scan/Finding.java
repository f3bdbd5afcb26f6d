package org.claimdesk.scan;

/**
 * One thing a scanner reported about the app.
 *
 * @param tool     "wapiti" or "sqlmap"
 * @param category the scanner's name for it, e.g. "Cross Site Scripting" or "Internal Server Error"
 * @param severity the scanner's level mapped to ours
 * @param where    method and path (wapiti) or target URL and place (sqlmap)
 * @param detail   the scanner's explanation: the parameter and what it saw
 */
record Finding(String tool, String category, Severity severity, String where, String detail) {

    /** Severity levels, in wapiti's order (its report numbers them 1 to 4). */
    enum Severity {
        INFO, LOW, MEDIUM, HIGH, CRITICAL;

        /** Wapiti's level number (1 low to 4 critical; 0 or missing is informational). */
        static Severity ofWapitiLevel(int level) {
            return switch (level) {
                case 1 -> LOW;
                case 2 -> MEDIUM;
                case 3 -> HIGH;
                case 4 -> CRITICAL;
                default -> INFO;
            };
        }

        boolean atLeastMedium() {
            return compareTo(MEDIUM) >= 0;
        }
    }

    @Override
    public String toString() {
        return "[" + severity + "] " + tool + ": " + category + " at " + where + " - " + detail;
    }
}
