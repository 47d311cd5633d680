package org.klaster.mapping;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.klaster.InvalidParameterException;
import org.klaster.Text;

/**
 * Assigns every industry code exactly one cluster category (methods.md §1, formats.md §1
 * {@code categories.csv}).
 *
 * <pre>
 *   category(i) = map[p*]          where p* = the longest listed code that is a string prefix of i
 *               = division(i)      if no listed code is a prefix of i
 *   division(i) = the part of i before the first '.', or i itself when it has no dot
 * </pre>
 * Whitespace (including the no-break space of spreadsheet exports) is removed from listed codes and
 * industry codes before matching, so {@code "29. 10"} is {@code "29.10"}.
 *
 * <p><b>Plain string prefix, not a code hierarchy.</b> A listed {@code "29.1"} is a prefix of
 * {@code "29.1"}, {@code "29.10"} and {@code "29.10.1"}, but also of a (non-standard) {@code "29.19"};
 * a listed {@code "2"} would capture every code that starts with the character 2 ({@code "20.1"},
 * {@code "29"}). List codes at the level you mean. Letter sections ({@code "C"}) and codes without a
 * dot ({@code "29"}) are their own division.
 */
public final class CategoryMap {

    private final Map<String, String> codeToCategory; // normalised code -> category, sorted for display
    private final Map<String, String> names;
    private final int longestCode;

    private CategoryMap(Map<String, String> codeToCategory, Map<String, String> names) {
        this.codeToCategory = codeToCategory;
        this.names = names;
        int longest = 0;
        for (String code : codeToCategory.keySet()) {
            longest = Math.max(longest, code.length());
        }
        this.longestCode = longest;
    }

    /** No list: the category of an industry is its 2-digit division. */
    public static CategoryMap divisions() {
        return new CategoryMap(Collections.emptyMap(), Collections.emptyMap());
    }

    /**
     * A category list.
     *
     * @param codeToCategory industry code (any level) → category; codes are normalised by removing
     *                       whitespace; two codes that normalise to the same string must agree
     * @param categoryNames  category → human-readable name (may be empty)
     * @throws IllegalArgumentException for an empty code, a blank category, or two spellings of the
     *                                  same code mapped to different categories
     */
    public static CategoryMap of(Map<String, String> codeToCategory, Map<String, String> categoryNames) {
        Objects.requireNonNull(codeToCategory, "codeToCategory");
        Objects.requireNonNull(categoryNames, "categoryNames");
        TreeMap<String, String> codes = new TreeMap<>();
        Map<String, String> spelling = new HashMap<>(); // normalised -> first raw spelling, for messages
        for (Map.Entry<String, String> e : codeToCategory.entrySet()) {
            String raw = Objects.requireNonNull(e.getKey(), "industry code");
            String code = normalise(raw);
            if (code.isEmpty()) {
                // an empty prefix would silently capture every industry
                throw new InvalidParameterException(Text.core("categories.code.empty.map"));
            }
            String category = e.getValue();
            if (category == null || category.isBlank()) {
                throw new InvalidParameterException(Text.core("categories.no.category", raw));
            }
            String previous = codes.putIfAbsent(code, category);
            if (previous != null && !previous.equals(category)) {
                throw new InvalidParameterException(Text.core("categories.listed.twice", raw, spelling.get(code), previous,
                        category));
            }
            spelling.putIfAbsent(code, raw);
        }
        return new CategoryMap(Collections.unmodifiableMap(codes),
                Collections.unmodifiableMap(new HashMap<>(categoryNames)));
    }

    /**
     * The category of an industry code: the longest listed prefix, else the division.
     *
     * @throws IllegalArgumentException when the code is empty or has nothing before its first dot
     */
    public String categoryOf(String industry) {
        String code = normalise(Objects.requireNonNull(industry, "industry"));
        // try prefixes from the longest down: O(code length) hash look-ups, independent of list size
        for (int k = Math.min(code.length(), longestCode); k >= 1; k--) {
            String category = codeToCategory.get(code.substring(0, k));
            if (category != null) {
                return category;
            }
        }
        return division(code, industry);
    }

    /** The name of a category, or {@code null} when the list gives none. */
    public String nameOf(String category) {
        return names.get(category);
    }

    /** The listed codes (whitespace removed, sorted) and their categories; empty for {@link #divisions()}. */
    public Map<String, String> entries() {
        return codeToCategory;
    }

    private static String division(String code, String raw) {
        if (code.isEmpty()) {
            throw new InvalidParameterException(Text.core("categories.code.empty"));
        }
        int dot = code.indexOf('.');
        String division = dot < 0 ? code : code.substring(0, dot);
        if (division.isEmpty()) {
            throw new InvalidParameterException(Text.core("categories.no.division", raw));
        }
        return division;
    }

    static String normalise(String code) {
        StringBuilder sb = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (!Character.isWhitespace(ch) && !Character.isSpaceChar(ch)) {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return codeToCategory.isEmpty() ? "CategoryMap[divisions]" : "CategoryMap" + codeToCategory;
    }
}
