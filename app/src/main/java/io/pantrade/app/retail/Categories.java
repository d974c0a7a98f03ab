package io.pantrade.app.retail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A coarse category for a product of the file, which has none: the first category, in the order
 * below, one of whose keywords is a word of the description (a keyword also matches its plural in
 * -S or -ES). Good enough to group a gift shop's range for analytics; "other" when nothing matches.
 */
final class Categories {

    static final String OTHER = "other";

    private static final Map<String, Set<String>> KEYWORDS = keywords();

    private Categories() {
    }

    private static Map<String, Set<String>> keywords() {
        // checked in this order: "CHRISTMAS LIGHTS" is Christmas, "T-LIGHT HOLDER" lighting, "CAKE TIN" kitchen
        Map<String, Set<String>> keywords = new LinkedHashMap<>();
        keywords.put("postage and fees", Set.of("POSTAGE", "CARRIAGE", "MANUAL", "CHARGES", "FEE", "DISCOUNT"));
        keywords.put("christmas", Set.of("CHRISTMAS", "XMAS", "ADVENT", "SANTA", "REINDEER", "SNOWFLAKE"));
        keywords.put("lighting", Set.of("LIGHT", "LIGHTS", "T-LIGHT", "LANTERN", "CANDLE", "LAMP", "NIGHTLIGHT"));
        keywords.put("kitchen and dining", Set.of("MUG", "CUP", "SAUCER", "PLATE", "BOWL", "TEA", "TEAPOT", "CAKE",
                "BAKING", "JUG", "SPOON", "NAPKIN", "LUNCH", "BOTTLE", "TRAY", "COASTER", "JAM", "KITCHEN", "APRON"));
        keywords.put("bags", Set.of("BAG", "PURSE", "SHOPPER", "JUMBO", "TOTE"));
        keywords.put("stationery and cards", Set.of("CARD", "PAPER", "NOTEBOOK", "PEN", "PENCIL", "WRAP", "STICKER",
                "ENVELOPE", "NOTE", "BOOK", "CALENDAR", "TAPE"));
        keywords.put("party", Set.of("PARTY", "BUNTING", "BALLOON", "GARLAND", "CONFETTI", "GIFT"));
        keywords.put("toys and games", Set.of("TOY", "GAME", "DOLL", "PUZZLE", "DOMINOES", "SPACEBOY", "CHILDRENS",
                "SKIPPING", "TEDDY", "PLAYHOUSE", "CRAYONS"));
        keywords.put("garden", Set.of("GARDEN", "PLANT", "PLANTER", "FLOWER", "BIRD", "WATERING", "HERB", "SEED"));
        keywords.put("jewellery and accessories", Set.of("NECKLACE", "BRACELET", "EARRINGS", "HAIR", "UMBRELLA",
                "SCARF", "HAT", "GLOVES", "WATCH", "RING", "CHARM", "BROOCH"));
        keywords.put("storage", Set.of("BOX", "TIN", "BASKET", "JAR", "STORAGE", "CASE", "DRAWER", "CHEST", "CRATE"));
        keywords.put("home decor", Set.of("HEART", "FRAME", "CLOCK", "SIGN", "MIRROR", "DOORMAT", "CUSHION", "WALL",
                "DECORATION", "ORNAMENT", "VASE", "HANGING", "HOOK", "HOLDER", "COAT", "DOORSTOP", "THROW", "QUILT"));
        return keywords;
    }

    static String of(String description) {
        List<String> words = List.of(description.toUpperCase(Locale.ROOT).split("[^A-Z-]+"));
        for (Map.Entry<String, Set<String>> category : KEYWORDS.entrySet()) {
            for (String word : words) {
                if (matches(category.getValue(), word)) {
                    return category.getKey();
                }
            }
        }
        return OTHER;
    }

    private static boolean matches(Set<String> keywords, String word) {
        return keywords.contains(word)
                || word.endsWith("S") && keywords.contains(word.substring(0, word.length() - 1))
                || word.endsWith("ES") && keywords.contains(word.substring(0, word.length() - 2));
    }
}
