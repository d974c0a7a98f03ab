package io.pantrade.app.retail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CategoriesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            WHITE HANGING HEART T-LIGHT HOLDER | lighting
            PAPER CHAIN KIT 50'S CHRISTMAS     | christmas
            CHRISTMAS LIGHTS 10 REINDEER       | christmas
            SET OF 3 CAKE TINS PANTRY DESIGN   | kitchen and dining
            JUMBO BAG RED RETROSPOT            | bags
            PACK OF 72 RETROSPOT CAKE CASES    | kitchen and dining
            ASSORTED COLOUR BIRD ORNAMENT      | garden
            POSTAGE                            | postage and fees
            SPACEBOY LUNCH BOX                 | kitchen and dining
            ROUND SNACK BOXES SET OF4 WOODLAND | storage
            WHITE METAL LANTERN                | lighting
            PARTY BUNTING                      | party
            DOORMAT RED RETROSPOT              | home decor
            BLACK EARRINGS WITH PEARLS         | jewellery and accessories
            SET OF 6 SPICE TINS PANTRY DESIGN  | storage
            Manual                             | postage and fees
            ? sold as sets                     | other
            ''                                 | other
            """)
    void a_description_falls_in_the_first_category_one_of_whose_keywords_it_contains(String description,
                                                                                      String category) {
        assertThat(Categories.of(description)).isEqualTo(category);
    }
}
