package dev.amlsh.shell;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A terminal type's capabilities read from the terminfo database (the compiled files of term(5)),
 * written out as {@code infocmp -x} source text, the form JLine's {@code InfoCmp} parses. JLine
 * 3.30 asks the {@code infocmp} program for every terminal type, a subprocess on the way to the
 * prompt; reading the file takes a fraction of a millisecond. Absent, unreadable or malformed
 * entries give empty ({@link SystemTerminal} decides what JLine gets then). The text is the one
 * infocmp prints, escapes included, so that JLine reads the same from it; {@code TerminfoTest}
 * compares the two for every terminal type installed.
 *
 * <pre>{@code
 * Terminfo.source("tmux-256color", System.getenv()).ifPresent(caps -> InfoCmp.setLoadedInfoCmp("tmux-256color", caps));
 * }</pre>
 */
final class Terminfo {
    private static final int MAGIC_16 = 0432;   // numbers stored in 16 bits
    private static final int MAGIC_32 = 01036;  // numbers stored in 32 bits (ncurses 6.1 and later)
    private static final int MAX_ENTRY = 1 << 16;

    private Terminfo() {
    }

    /** The capabilities of {@code type} as infocmp source text, from the first database that has it. */
    static Optional<String> source(String type, Map<String, String> env) {
        if (type == null || type.isEmpty() || type.contains("/") || type.startsWith(".")) {
            return Optional.empty();
        }
        for (Path dir : directories(env)) {
            for (String sub : new String[] {type.substring(0, 1), Integer.toHexString(type.charAt(0))}) {
                Path file = dir.resolve(sub).resolve(type);
                try {
                    if (Files.isRegularFile(file) && Files.size(file) <= MAX_ENTRY) {
                        return Optional.of(decode(Files.readAllBytes(file)));
                    }
                } catch (IOException | RuntimeException unreadable) {
                    return Optional.empty();   // the first entry found is the one infocmp would read
                }
            }
        }
        return Optional.empty();
    }

    /** True when one of the folders ncurses looks in exists (a folder database, not a hashed one). */
    static boolean hasDatabase(Map<String, String> env) {
        for (Path dir : directories(env)) {
            if (Files.isDirectory(dir)) {
                return true;
            }
        }
        return false;
    }

    /** The databases in ncurses' order: $TERMINFO, ~/.terminfo, $TERMINFO_DIRS (empty: the system's), the system's. */
    static List<Path> directories(Map<String, String> env) {
        Set<String> dirs = new LinkedHashSet<>();
        String terminfo = env.get("TERMINFO");
        if (terminfo != null && !terminfo.isEmpty()) {
            dirs.add(terminfo);
        }
        String home = env.get("HOME");
        if (home != null && !home.isEmpty()) {
            dirs.add(home + "/.terminfo");
        }
        List<String> system = List.of("/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo",
                "/usr/lib/terminfo", "/usr/share/lib/terminfo");
        String listed = env.get("TERMINFO_DIRS");
        if (listed != null) {
            for (String dir : listed.split(":", -1)) {
                if (dir.isEmpty()) {
                    dirs.addAll(system);
                } else {
                    dirs.add(dir);
                }
            }
        }
        dirs.addAll(system);
        List<Path> paths = new ArrayList<>(dirs.size());
        for (String dir : dirs) {
            paths.add(Path.of(dir));
        }
        return paths;
    }

    /** A compiled entry as infocmp source: the names line, then the capabilities (infocmp's first line, a comment, JLine skips). */
    static String decode(byte[] entry) {
        ByteBuffer in = ByteBuffer.wrap(entry).order(ByteOrder.LITTLE_ENDIAN);
        int magic = in.getShort();
        if (magic != MAGIC_16 && magic != MAGIC_32) {
            throw new IllegalArgumentException("not a compiled terminfo entry");
        }
        int numberSize = magic == MAGIC_32 ? 4 : 2;
        int namesSize = in.getShort();
        int boolCount = in.getShort();
        int numCount = in.getShort();
        int strCount = in.getShort();
        int tableSize = in.getShort();
        if (namesSize < 0 || boolCount < 0 || numCount < 0 || strCount < 0 || tableSize < 0) {
            throw new IllegalArgumentException("a malformed terminfo header");
        }
        StringBuilder out = new StringBuilder();
        out.append(cString(entry, in.position(), namesSize)).append(",\n");
        in.position(in.position() + namesSize);
        // All capabilities on one line: JLine compiles its pattern once a line.
        out.append('\t');
        for (int i = 0; i < boolCount; i++) {
            if (in.get() == 1 && i < TerminfoNames.BOOLEANS.length) {
                out.append(TerminfoNames.BOOLEANS[i]).append(", ");
            }
        }
        align(in);
        for (int i = 0; i < numCount; i++) {
            int value = number(in, numberSize);
            if (value >= 0 && i < TerminfoNames.NUMBERS.length) {
                out.append(TerminfoNames.NUMBERS[i]).append('#').append(value).append(", ");
            }
        }
        int[] offsets = offsets(in, strCount);
        int table = in.position();
        for (int i = 0; i < strCount; i++) {
            if (offsets[i] >= 0 && i < TerminfoNames.STRINGS.length) {
                String value = cString(entry, table + offsets[i], tableSize - offsets[i]);
                out.append(TerminfoNames.STRINGS[i]).append('=');
                escape(TerminfoNames.STRINGS[i].equals("acs_chars") ? sortedPairs(value) : value, out);
                out.append(", ");
            }
        }
        in.position(table + tableSize);
        align(in);
        if (in.remaining() >= 10) {
            extended(entry, in, numberSize, out);
        }
        return out.append('\n').toString();
    }

    /** The extended capabilities (user-defined names such as {@code AX} or {@code Tc}), as {@code -x} shows them. */
    private static void extended(byte[] entry, ByteBuffer in, int numberSize, StringBuilder out) {
        int boolCount = in.getShort();
        int numCount = in.getShort();
        int strCount = in.getShort();
        in.getShort();   // the number of offsets in the table: values and names
        int tableSize = in.getShort();
        if (boolCount < 0 || numCount < 0 || strCount < 0 || tableSize < 0) {
            return;
        }
        byte[] bools = new byte[boolCount];
        in.get(bools);
        align(in);
        int[] numbers = new int[numCount];
        for (int i = 0; i < numCount; i++) {
            numbers[i] = number(in, numberSize);
        }
        int[] values = offsets(in, strCount);
        int[] names = offsets(in, boolCount + numCount + strCount);
        int table = in.position();
        if (table + tableSize > entry.length) {
            return;
        }
        int namesBase = 0;   // the names follow the last value
        for (int offset : values) {
            if (offset >= 0) {
                namesBase = Math.max(namesBase, offset + cString(entry, table + offset, tableSize - offset).length() + 1);
            }
        }
        for (int i = 0; i < names.length; i++) {
            String name = cString(entry, table + namesBase + names[i], tableSize - namesBase - names[i]);
            if (i < boolCount) {
                if (bools[i] == 1) {
                    out.append(name).append(", ");
                }
            } else if (i < boolCount + numCount) {
                if (numbers[i - boolCount] >= 0) {
                    out.append(name).append('#').append(numbers[i - boolCount]).append(", ");
                }
            } else if (values[i - boolCount - numCount] >= 0) {
                int offset = values[i - boolCount - numCount];
                out.append(name).append('=');
                escape(cString(entry, table + offset, tableSize - offset), out);
                out.append(", ");
            }
        }
    }

    /**
     * A capability's bytes in infocmp's escapes, which JLine's {@code Curses} undoes: {@code \E} for
     * ESC, {@code ^X} for control characters, octal for the rest, and the separators escaped.
     */
    static String escape(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 8);
        escape(raw, out);
        return out.toString();
    }

    /** As infocmp writes them (ncurses' rules), so that JLine reads the same as from infocmp's output. */
    private static void escape(String raw, StringBuilder out) {
        boolean longer = raw.length() > 3;
        int trailingSpaces = raw.length();
        while (trailingSpaces > 0 && raw.charAt(trailingSpaces - 1) == ' ') {
            trailingSpaces--;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean digitNext = i + 1 < raw.length() && raw.charAt(i + 1) >= '0' && raw.charAt(i + 1) <= '9';
            if (c == 033) {
                out.append("\\E");
            } else if (c == 0200) {
                out.append("\\0");   // how the compiled form stores a NUL byte
            } else if (c == '\\' || c == ',' || c == '^') {
                out.append('\\').append(c);
            } else if (c == ' ' && (i == 0 || i >= trailingSpaces)) {
                out.append("\\s");
            } else if (c >= 32 && c < 127) {
                out.append(c);
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == 127) {
                out.append("^?");
            } else if (c < 32 && (!longer || digitNext)) {
                out.append('^').append((char) (c + 64));
            } else {
                out.append('\\').append((char) ('0' + ((c >> 6) & 7))).append((char) ('0' + ((c >> 3) & 7)))
                        .append((char) ('0' + (c & 7)));
            }
        }
    }

    /** The line-drawing map's pairs by their first character, as infocmp shows them (a later pair wins). */
    static String sortedPairs(String acsc) {
        boolean sorted = true;
        for (int i = 2; i < acsc.length() && sorted; i += 2) {
            sorted = acsc.charAt(i - 2) < acsc.charAt(i);
        }
        if (sorted) {
            return acsc;
        }
        char[] mapped = new char[256];
        int extra = -1;
        for (int i = 0; i < acsc.length(); i += 2) {
            if (i + 1 < acsc.length()) {
                mapped[acsc.charAt(i) & 0xff] = acsc.charAt(i + 1);
            } else {
                extra = acsc.charAt(i);
            }
        }
        StringBuilder out = new StringBuilder(acsc.length());
        for (int c = 0; c < mapped.length; c++) {
            if (mapped[c] != 0) {
                out.append((char) c).append(mapped[c]);
            }
        }
        if (extra >= 0) {
            out.append((char) extra);
        }
        return out.toString();
    }

    private static int number(ByteBuffer in, int size) {
        return size == 4 ? in.getInt() : in.getShort();
    }

    private static int[] offsets(ByteBuffer in, int count) {
        int[] offsets = new int[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = in.getShort();
        }
        return offsets;
    }

    private static void align(ByteBuffer in) {
        if (in.position() % 2 == 1 && in.hasRemaining()) {
            in.get();
        }
    }

    /** The NUL-terminated string at {@code from} (bytes as ISO-8859-1 chars, as infocmp prints them in octal). */
    private static String cString(byte[] entry, int from, int max) {
        if (from < 0 || from > entry.length) {
            throw new IllegalArgumentException("a terminfo offset outside the entry");
        }
        int end = from;
        int limit = Math.min(entry.length, from + Math.max(0, max));
        while (end < limit && entry[end] != 0) {
            end++;
        }
        return new String(entry, from, end - from, StandardCharsets.ISO_8859_1);
    }
}
