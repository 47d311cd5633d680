package org.klaster.data.demo;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The assumptions of the synthetic demo economy, kept as small readable tables (parsed once). They are
 * invented to look plausible, informed by general knowledge of where Russian industries sit; they are
 * not statistics and must not be quoted as such. Changing any number here changes the generated data:
 * bump {@link DemoEconomy#VERSION} and the checksum in the tests together.
 */
final class DemoModel {

    private DemoModel() {
    }

    /**
     * Industries of the demo (the 88 divisions, with 28 and 30 split into groups):
     * {@code code  national employment 2018 (thousands, relative mix)  mean establishment size (persons,
     * relative)  wage relative to the national mean  output per wage bill}.
     */
    static final String INDUSTRIES = """
            01   4300  25  0.60 3.0
            02    330  20  0.65 2.5
            03    140  30  1.10 3.5
            05    150 400  1.30 3.0
            06    260 350  2.40 9.0
            07    190 300  1.60 5.0
            08    130  40  1.00 3.0
            09    340 150  1.90 3.0
            10   1250  60  0.80 4.5
            11    170  40  0.95 5.0
            12     15 300  1.60 8.0
            13    110  25  0.60 2.5
            14    260  15  0.50 2.0
            15     70  25  0.55 2.5
            16    300  20  0.65 3.0
            17    140  80  1.00 4.0
            18    110  15  0.80 2.5
            19    200 500  1.70 15.0
            20    380  90  1.20 5.0
            21    110 120  1.30 4.0
            22    300  35  0.85 3.5
            23    520  40  0.90 3.5
            24    650 300  1.25 6.0
            25    700  35  0.90 2.8
            26    480  80  1.15 2.8
            27    300  70  0.95 3.2
            28.1  140  60  1.00 3.0
            28.2  150  50  1.00 3.0
            28.3   70  80  0.95 3.0
            28.4   60  60  1.00 2.6
            28.9  230  60  1.00 3.0
            29    450 150  1.00 4.5
            30.1  190 350  1.15 2.8
            30.2  110 400  1.05 3.2
            30.3  340 900  1.20 2.8
            30.4   60 600  1.05 2.8
            30.9   25  40  0.80 2.5
            31    150  15  0.65 2.5
            32    180  12  0.70 2.5
            33    600  25  0.95 2.2
            35   1450  80  1.20 4.0
            36    260  50  0.80 2.0
            37     80  40  0.80 2.0
            38    260  30  0.80 2.2
            39     20  20  0.80 2.0
            41   1500  15  0.85 2.5
            42    700  40  1.05 2.5
            43   1700  10  0.80 2.2
            45   1300   8  0.75 2.5
            46   4200  10  1.00 5.0
            47   6500   9  0.65 3.0
            49   2700  30  0.95 2.5
            50     80  40  1.40 3.0
            51    120 200  1.60 3.5
            52   1300  35  1.05 2.8
            53    380  50  0.60 1.8
            55    400  15  0.60 2.2
            56   1500  10  0.55 2.2
            58    120  12  1.10 2.5
            59     80   8  1.00 2.5
            60     60  25  1.30 2.5
            61    500  40  1.20 3.5
            62    650  10  1.90 2.2
            63    180  10  1.60 2.2
            64    900  40  1.90 3.0
            65    180  40  1.40 4.0
            66    150   8  1.60 2.0
            68   1600   8  0.85 5.0
            69    500   6  1.20 2.0
            70    900  12  1.60 2.2
            71    850  15  1.20 2.2
            72    680  40  1.20 1.8
            73    170   8  1.00 2.5
            74    230   6  0.90 2.0
            75    110   8  0.60 1.8
            77    220   8  0.95 4.0
            78     90  20  0.80 1.6
            79    110   6  0.80 3.0
            80    700  20  0.60 1.5
            81    650  12  0.60 1.6
            82    330  10  0.80 2.0
            84   3600  40  1.05 1.5
            85   5600  45  0.75 1.4
            86   4300  70  0.90 1.6
            87    250  40  0.60 1.5
            88    450  30  0.65 1.5
            90    200  10  0.80 1.8
            91    280  20  0.60 1.5
            92     50  25  0.80 4.0
            93    450  12  0.70 2.0
            94    300   6  0.70 1.5
            95    250   4  0.55 1.8
            96    800   5  0.50 1.8
            97    150   2  0.45 1.0
            98     50   2  0.40 1.0
            99      5  15  1.80 1.5
            """;

    /**
     * How an industry spreads over regions and how it grows: {@code key  base  presence  sigma
     * growth-to-2021  growth-from-2022}. The key is a category id (applies to all its industries) or an
     * industry code (overrides its category). {@code base} is the per-capita intensity of a region that
     * has no entry in {@link #BOOSTS} (a listed region uses its own value instead); {@code presence} the
     * chance that such a region has the industry at all; {@code sigma} the log-normal spread of
     * region-industry cells; growths are annual rates.
     */
    static final String PARAMS = """
            agro_food                 1.00 1.00 0.25 -0.012 -0.010
            10                        1.00 1.00 0.25  0.000  0.005
            03                        0.10 0.40 0.40 -0.005  0.000
            75                        1.00 1.00 0.25  0.000  0.010
            beverages_tobacco         0.80 0.95 0.35 -0.010  0.000
            12                        0.05 0.10 0.30 -0.030 -0.020
            textiles_apparel          0.70 0.95 0.40 -0.020  0.020
            wood_furniture            0.60 0.95 0.35  0.000 -0.025
            31                        0.90 1.00 0.35  0.010  0.020
            pulp_paper                0.50 0.90 0.35  0.000 -0.010
            18                        0.90 1.00 0.30 -0.020 -0.010
            coal                      0.02 0.12 0.40 -0.010 -0.020
            oil_gas                   0.03 0.30 0.35  0.000 -0.005
            19                        0.05 0.30 0.35  0.000  0.000
            49.5                      0.40 0.80 0.35  0.000  0.000
            mining                    0.05 0.30 0.40  0.005  0.000
            08                        0.50 0.95 0.40  0.000  0.005
            chemicals                 0.70 0.95 0.35  0.010  0.010
            22                        0.90 1.00 0.30  0.010  0.020
            pharma                    0.25 0.55 0.40  0.030  0.040
            construction_materials    1.00 1.00 0.30  0.000  0.015
            metals                    0.15 0.60 0.40 -0.005 -0.010
            metal_products            0.90 1.00 0.30  0.000  0.060
            electronics               0.35 0.85 0.40  0.010  0.060
            electrical_equipment      0.60 0.95 0.35  0.000  0.030
            machinery                 0.50 0.95 0.35  0.000  0.030
            machine_tools             0.30 0.60 0.40  0.000  0.070
            automotive                0.30 0.80 0.40 -0.010  0.020
            30.4                      0.05 0.20 0.40  0.010  0.120
            30.9                      0.50 0.80 0.40  0.000  0.000
            shipbuilding              0.05 0.35 0.40  0.010  0.030
            rail_equipment            0.10 0.45 0.40  0.010  0.000
            aerospace                 0.08 0.40 0.40  0.010  0.050
            other_manufacturing       1.00 1.00 0.30  0.000  0.030
            energy_utilities          1.00 1.00 0.20 -0.005  0.000
            construction_real_estate  1.00 1.00 0.25  0.005  0.010
            trade                     1.00 1.00 0.20  0.005  0.000
            logistics                 1.00 1.00 0.25  0.010  0.010
            50                        0.15 0.50 0.40  0.000  0.000
            51                        0.40 0.90 0.35  0.010 -0.010
            52                        1.00 1.00 0.30  0.030  0.050
            53                        1.00 1.00 0.20  0.020  0.060
            tourism                   1.00 1.00 0.30  0.010  0.030
            ict                       0.60 1.00 0.35  0.040  0.060
            61                        1.00 1.00 0.20  0.000  0.010
            media_creative            0.70 1.00 0.35  0.000 -0.010
            finance                   0.80 1.00 0.25  0.000  0.010
            business_services         0.80 1.00 0.30  0.010  0.005
            education_research        1.00 1.00 0.15  0.000  0.000
            72                        0.35 0.95 0.40  0.000  0.030
            health_social             1.00 1.00 0.15  0.005  0.005
            public_administration     1.00 1.00 0.15  0.000  0.005
            99                        0.00 0.00 0.00  0.000  0.000
            personal_services         1.00 1.00 0.25  0.000  0.000
            """;

    /**
     * Region entries: {@code key: REGION value, ...} where the key is a category id or an industry code
     * (an industry entry for a region overrides its category entry) and the value is the region's
     * per-capita intensity relative to a typical region (1). Listed regions always have the industry.
     * Region codes are ISO 3166-2:RU without the {@code RU-} prefix.
     */
    static final String BOOSTS = """
            01: KDA 2.5, ROS 2.2, STA 2.5, BEL 3, VOR 2.3, TAM 2.8, LIP 2.2, KRS 2.8, ORL 2.5, ALT 2.5, SAR 2, \
            VGG 2, BA 1.8, TA 1.6, ORE 2, OMS 2, PNZ 2, KGN 2.2, DA 3, KB 2.5, KC 2.5, AD 2, KL 3.5, CE 2.5, \
            IN 2, SE 1.8, AMU 2, BRY 2, MO 2, CU 1.8, ME 1.8, UD 1.5, KIR 1.5, TY 2.2, AL 2.5, BU 1.6, \
            ZAB 1.5, MOW 0.01, SPE 0.02, MOS 0.5, MUR 0.2, NEN 0.4, YAN 0.3, KHM 0.2, MAG 0.2, CHU 0.4, \
            KAM 0.3, SAK 0.4
            02: KR 6, ARK 6, KO 5, KYA 3, IRK 4, VLG 3, KOS 3, KIR 3, TOM 2.5, PER 2, KHA 2.5, ZAB 2, BU 2, \
            AMU 1.5, NGR 2, MOW 0.01, SPE 0.02
            03: KAM 40, SAK 25, PRI 12, MUR 20, MAG 20, CHU 10, KHA 6, AST 8, KGD 8, ARK 5, KR 5, KDA 1.5, \
            ROS 2, NEN 6, YAN 3
            10: BEL 3, KDA 2, MOS 1.5, KRS 2, TAM 2, LIP 1.5, VOR 1.6, ROS 1.5, KGD 1.6, PRI 1.8, KAM 4, \
            MUR 1.6, SAK 3.5, MOW 0.5, SPE 0.8, ALT 1.5, PNZ 1.4, BRY 1.4
            11: MOW 1.2, SPE 1.5, KDA 1.6, KB 2, SE 2, DA 1.5, KLU 1.5, TUL 1.3
            12: SPE 25, MOS 8, KLU 6, YAR 12, KDA 4, ROS 4, NIZ 3, VOR 3
            textiles_apparel: IVA 6, VLA 2, KOS 2, TVE 1.5, YAR 1.5, CU 1.5, MOS 1.3, MOW 0.8, SPE 1.2, \
            ULY 1.5, DA 1.5, SMO 1.4, TUL 1.4, KIR 1.3, PNZ 1.4
            wood_furniture: KR 5, ARK 5, KO 4, KYA 2.5, IRK 3, VLG 3, KOS 3, KIR 3, TOM 2, PER 2, NGR 2, \
            TVE 1.5, KHA 2, PRI 1.3, AMU 1.5, ZAB 1.5, BU 1.5, MOW 0.3, SPE 0.5
            31: MOS 2, MOW 0.8, SPE 1.5, PNZ 2.5, ULY 2, VLG 1.5, KDA 1.5, KIR 1.8, NGR 1.5
            pulp_paper: KR 6, ARK 6, KO 6, IRK 4, KYA 2, PER 3, LEN 2.5, VLG 1.5, KIR 1.5, NIZ 1.5, MOS 1.5, \
            KLU 1.5
            18: MOW 2.5, SPE 2, MOS 1.8, TVE 1.5, YAR 1.3, NVS 1.3, SVE 1.2
            coal: KEM 300, KYA 25, KK 25, ZAB 12, SA 15, TY 20, BU 8, ROS 10, KO 12, PRI 8, SAK 10, CHU 20, \
            AMU 8, KHA 6, IRK 6, NVS 2, CHE 2
            oil_gas: KHM 120, YAN 150, NEN 150, TYU 25, TA 20, ORE 20, BA 10, SAM 8, KO 20, PER 8, UD 10, \
            AST 15, SAK 60, TOM 15, IRK 8, SA 10, KYA 6, VGG 5, KL 4, CE 6, DA 3, KDA 2, SAR 3, MOW 2
            19: BA 10, SAM 10, NIZ 6, YAR 6, RYA 6, LEN 8, VGG 6, PER 6, OMS 12, KDA 6, TA 6, IRK 5, KHA 5, \
            KYA 3, MOW 3, ORE 4, KO 4, TYU 4, YAN 3, KHM 3, KEM 2, SAR 3
            49.5: KHM 20, YAN 20, TYU 10, TA 6, BA 5, SAM 5, PER 3, TOM 5, IRK 4, KDA 4, LEN 4, VGG 4, ORE 4, \
            SAR 3, OMS 3, NIZ 3, SMO 2, BRY 2, KO 6, NEN 10, SAK 8, SA 4, AMU 3, PRI 3, KHA 3
            07: MUR 40, KYA 15, BEL 25, KRS 25, CHE 8, SVE 8, ORE 6, SA 20, MAG 60, CHU 80, AMU 20, ZAB 20, \
            IRK 8, KR 10, BU 8, KHA 8, KEM 3, TY 6, KK 6, ARK 6, BA 4, KO 3
            08: PER 10, MUR 12, SA 12, ARK 4, KR 3, LEN 1.5, TUL 1.2, MOS 0.8, MOW 0.05, SPE 0.1
            chemicals: TA 4, BA 4, PER 5, NIZ 3, VGG 3, SAM 3, TUL 4, KEM 3, TOM 3, IRK 3, NGR 5, VOR 2, MUR 2, \
            SAR 2, LEN 2, KHM 1.5, YAR 2, KLU 1.5, CU 2, VLG 3, OMS 2, MOS 1.4, MOW 0.4, SPE 0.8
            22: MOS 1.8, SPE 1.3, TA 2, VLA 1.6, YAR 1.6, KLU 1.5, NIZ 1.4, SAM 1.4, MOW 0.5
            pharma: MOW 6, MOS 6, SPE 5, KLU 8, YAR 8, VLA 3, NVS 2, KRS 3, BEL 1.5, PNZ 3, TOM 3, KGN 3, IRK 1.5, \
            NIZ 2, BA 2, TA 1.5, VOR 1.5, TVE 1.5, KIR 3
            construction_materials: BEL 1.6, MOS 1.3, LEN 1.4, TUL 1.3, BRY 1.3, MOW 0.3, SPE 0.6
            metals: CHE 14, SVE 15, VLG 35, LIP 20, KYA 8, MUR 10, ORE 8, KEM 8, BEL 6, IRK 6, KK 6, TUL 3, \
            VGG 4, SAM 3, ROS 2, KLU 2, BA 2, NIZ 2, KO 1.5, KGN 1.5
            metal_products: TUL 2.5, UD 3, KIR 1.5, PER 1.5, CHE 2, SVE 2, NIZ 1.5, VLA 1.5, MOS 1.3, MOW 0.5, \
            SPE 1.2, KGN 1.5
            electronics: MOW 5, MOS 3, SPE 5, TOM 6, NVS 4, VOR 3.5, NIZ 2.5, TA 2, SVE 2, ULY 2, RYA 2, PNZ 3, \
            BRY 2, KLU 2, KGD 3, VLA 1.5, YAR 1.5, ME 2, SAM 1.5, OMS 2, MO 2, KRS 1.5
            electrical_equipment: CU 5, SVE 2, MO 3, NIZ 1.5, SPE 2, TOM 2, KLU 1.5, MOS 1.5, ROS 1.5, SMO 1.5, \
            YAR 1.5, KRS 1.5, MOW 0.8
            machinery: SPE 2, SVE 2.5, CHE 2.5, NIZ 1.5, PER 1.5, TA 1.5, KRS 1.3, VLA 1.5, YAR 1.5, BA 1.3, \
            KGN 1.5, OMS 1.3, MOS 1.5, MOW 0.6
            28.3: ROS 6, KDA 2, ALT 3, OMS 2, VOR 2, ORE 2, BA 2, TA 1.5, KRS 1.5, BRY 2, MOW 0.1, SPE 0.3
            machine_tools: MOW 3, SVE 3, RYA 5, IVA 5, SAM 3, SPE 2, UD 3, TA 3, NVS 2, KLU 2, MOS 2, VLA 3, \
            TVE 2, KIR 2, SMO 2, CHE 2, NIZ 1.5
            automotive: SAM 25, TA 12, KLU 14, NIZ 12, SPE 8, ULY 8, KGD 6, VLA 3, YAR 3, MOS 2.5, MOW 1.5, \
            CHE 2, BA 1.5, KGN 3, LEN 3, TUL 1.5
            30.4: SVE 15, KGN 15, OMS 10, MOS 3, CHE 5, NIZ 4, TA 2, VLA 2
            30.9: MOS 2, UD 3, PER 2, TA 1.5, SPE 1.5, KRS 1.5
            shipbuilding: SPE 40, ARK 60, PRI 30, KHA 20, KGD 25, NIZ 12, AST 15, LEN 10, MUR 12, KAM 8, TA 6, \
            YAR 6, VGG 4, ROS 4, KDA 3, KR 3, SAK 3
            rail_equipment: TVE 20, SVE 12, ROS 12, BRY 15, KLU 8, ALT 12, MOS 4, SPE 3, VLA 4, CHE 2, VGG 1.5, \
            KEM 2, PSK 3, MO 2
            aerospace: MOW 12, MOS 12, SAM 14, TA 10, IRK 10, KHA 12, ULY 14, ROS 6, PER 10, BA 8, NVS 5, SMO 4, \
            VOR 6, YAR 6, SPE 4, KLU 3, NIZ 4, SAR 2, KYA 4, OMS 4, PRI 4, BU 6, CHE 2, SVE 2
            other_manufacturing: MOS 1.3, MOW 0.6
            32: KOS 4, MOS 1.5, SPE 1.3, VLA 1.3
            33: MUR 2, ARK 1.5, PRI 1.5, KHM 1.8, YAN 1.8, TYU 1.3, SAK 1.5, KAM 1.5
            energy_utilities: IRK 1.3, KYA 1.2, KHM 1.3, YAN 1.4, NEN 1.5, MUR 1.3, KAM 1.4, MAG 1.6, CHU 1.8, \
            SA 1.4, SAK 1.3, KO 1.2, MOW 0.8
            construction_real_estate: MOW 1.2, MOS 1.3, KDA 1.25, KHM 1.5, YAN 1.8, NEN 1.4, TA 1.2, LEN 1.2, \
            SPE 1.15, TYU 1.2, AMU 1.3, CHU 1.4
            trade: MOW 1.15, SPE 1.1, MOS 1.1, KDA 1.1, DA 1.15
            46: MOW 2.5, SPE 1.6, MOS 1.5, NVS 1.4, SVE 1.3, ROS 1.3, KDA 1.2, TA 1.2, SAM 1.2
            logistics: MOS 1.3, LEN 1.3, KDA 1.2, PRI 1.4, KHA 1.3, ZAB 1.3, AMU 1.2, MUR 1.2, KGD 1.2, \
            SVE 1.1, NVS 1.2, MOW 0.9
            49: ZAB 1.6, AMU 1.5, KHA 1.3, BU 1.3, IRK 1.2, KYA 1.1, CHE 1.1, KGN 1.2
            50: MUR 15, ARK 10, PRI 15, SPE 8, LEN 6, KGD 6, AST 8, KDA 5, KHA 6, SAK 10, KAM 12, NIZ 3, \
            YAR 3, SA 5, NEN 6, YAN 4, CHU 6, MAG 8, ROS 4, VGG 3, TA 2, PER 2, KR 3
            51: MOW 3, MOS 4, SPE 2, KDA 1.5, NVS 1.5, SA 2, KAM 2, MAG 2, CHU 3, YAN 1.5, KHA 1.5, SVE 1.3
            52: MOS 2, LEN 2, KDA 2, PRI 2.5, MUR 1.5, KGD 1.5, SPE 1.5, ROS 1.3, SAK 1.5, KHA 1.4, TUL 1.3
            53: MOW 1.3, MOS 1.4, SPE 1.2
            tourism: KDA 1.8, STA 1.4, AL 2, KC 1.6, KB 1.5, KGD 1.4, SPE 1.3, MOW 1.2, IRK 1.2, KR 1.2, \
            KAM 1.3, SE 1.3, DA 1.2
            55: KDA 3, STA 2, MOW 1.5, SPE 1.6, AL 2.5, KC 2, KB 2, KGD 1.5, IRK 1.3
            79: MOW 3, SPE 2, KDA 1.5
            91: SPE 1.7, MOW 1.3
            ict: MOW 4, SPE 2.6, NVS 2.2, TA 1.8, TOM 2, NIZ 1.6, SVE 1.4, MOS 1.2, VOR 1.4, SAM 1.3, \
            KGD 1.2, ULY 1.3, PER 1.2, OMS 1.1, KDA 1.1, YAR 1.1
            62: MOW 5, SPE 3, NVS 2.5, TA 2, TOM 2.2, NIZ 1.8, SVE 1.5, MOS 1.3, VOR 1.4, SAM 1.3, ULY 1.4, \
            KGD 1.2, PER 1.2, IVA 1.2, RYA 1.1
            61: MOW 1.8, SPE 1.4
            63: MOW 4, SPE 2, NVS 1.4, TA 1.4
            media_creative: MOW 4, SPE 2, MOS 1.2, NVS 1.2, SVE 1.2
            finance: MOW 3, SPE 1.6, NVS 1.2, SVE 1.2, TA 1.2
            66: MOW 4, SPE 2
            business_services: MOW 2, SPE 1.5, MOS 1.2, NVS 1.2, SVE 1.2, KHM 1.2, TYU 1.3
            70: MOW 4, SPE 2, TYU 2, KHM 1.5, SVE 1.4
            71: MOW 2, SPE 1.6, TYU 2, KHM 1.5, YAN 1.5, SAM 1.2, TA 1.2
            77: MOW 2.5, SPE 1.5
            78: MOW 3, SPE 1.5
            80: MOW 1.3, MOS 1.2
            82: MOW 2.5, SPE 1.5
            72: MOW 5, MOS 4, SPE 3.5, NVS 3, TOM 3, NIZ 2.5, SVE 1.5, KLU 2.5, CHE 2, KYA 1.5, TA 1.3, \
            SAM 1.3, ULY 1.5, IRK 1.3, PER 1.2, VOR 1.3, VLA 1.3, YAR 1.2, SA 1.1, KHA 1.1, PRI 1.3
            education_research: TOM 1.3, MOW 1.1, SPE 1.1, NVS 1.1
            health_social: MOW 1.05, SPE 1.1, STA 1.1
            public_administration: MOW 1.2, NEN 1.6, CHU 1.6, MAG 1.4, KAM 1.3, SA 1.2, TY 1.3, AL 1.3, IN 1.3, \
            CE 1.2, DA 1.1, YEV 1.2, KL 1.3
            99: MOW 3, SPE 1.5, KHA 0.3, PRI 0.3, ROS 0.2, SVE 0.3, NVS 0.2, KGD 0.2
            personal_services: MOW 1.1
            97: MOW 2.5, MOS 1.5, SPE 1.3
            """;

    /** Year shocks: {@code key: YEAR factor, ...}, multiplied into the employment trend of that year only. */
    static final String SHOCKS = """
            tourism: 2020 0.82, 2021 0.93
            personal_services: 2020 0.90, 2021 0.96
            trade: 2020 0.97
            logistics: 2020 0.97
            business_services: 2020 0.98
            media_creative: 2020 0.96
            86: 2020 1.03, 2021 1.04
            automotive: 2022 0.80, 2023 0.90, 2024 0.97
            30.4: 2022 1.10, 2023 1.15, 2024 1.20
            aerospace: 2022 0.97
            51: 2020 0.85, 2021 0.93, 2022 0.90, 2023 0.92, 2024 0.93
            """;

    /**
     * Regions: {@code CODE employment-rate wage-relative}. The employment rate is jobs located in the
     * region per resident (commuting and fly-in work make it exceed the resident rate in Moscow and the oil
     * districts); the wage factor is relative to the national mean. Regions not listed take their
     * federal district's default (lines starting with the district code).
     */
    static final String REGIONS = """
            CFD   0.48 0.70
            NWFD  0.48 0.80
            SFD   0.46 0.68
            NCFD  0.40 0.60
            VFD   0.48 0.70
            UFD   0.48 0.85
            SibFD 0.47 0.78
            FEFD  0.49 1.00
            MOW   0.58 1.60
            SPE   0.54 1.30
            MOS   0.42 1.15
            LEN   0.43 1.00
            KHM   0.56 1.35
            YAN   0.60 1.70
            NEN   0.55 1.60
            CHU   0.62 1.80
            MAG   0.58 1.65
            SAK   0.55 1.40
            KAM   0.54 1.60
            SA    0.49 1.50
            MUR   0.52 1.35
            TYU   0.50 1.10
            KYA   0.48 1.05
            KHA   0.50 1.15
            PRI   0.49 1.05
            KO    0.49 1.10
            ARK   0.48 1.05
            IRK   0.47 0.95
            TOM   0.47 0.95
            SVE   0.49 0.95
            KR    0.47 0.90
            ZAB   0.45 0.85
            BU    0.44 0.85
            KGD   0.49 0.85
            VLG   0.48 0.85
            NVS   0.49 0.90
            TA    0.49 0.90
            TY    0.37 0.80
            AL    0.42 0.75
            KL    0.42 0.62
            DA    0.36 0.58
            IN    0.30 0.58
            CE    0.35 0.62
            STA   0.45 0.66
            """;

    /** National mean wage, thousand RUB per employee per year, by year (round, plausible, not official). */
    static final Map<Integer, Double> WAGE_LEVEL = Map.of(
            2018, 520.0, 2019, 570.0, 2020, 610.0, 2021, 680.0, 2022, 780.0, 2023, 880.0, 2024, 1050.0);

    // ---------------------------------------------------------------- parsing

    record IndustryRow(String code, double baseEmployment, double meanSize, double wageRel, double outputRatio) {
    }

    record Params(double base, double presence, double sigma, double growthEarly, double growthLate) {
    }

    record RegionRow(double employmentRate, double wageRel) {
    }

    static List<IndustryRow> industries() {
        return INDUSTRIES.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> {
            String[] f = l.split("\\s+");
            return new IndustryRow(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]));
        }).toList();
    }

    static Map<String, Params> params() {
        Map<String, Params> map = new LinkedHashMap<>();
        PARAMS.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> {
            String[] f = l.split("\\s+");
            map.put(f[0], new Params(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5])));
        });
        return map;
    }

    /** key (category or industry) → region short code → value. */
    static Map<String, Map<String, Double>> keyed(String table) {
        Map<String, Map<String, Double>> map = new LinkedHashMap<>();
        table.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> {
            int colon = l.indexOf(':');
            String key = l.substring(0, colon).strip();
            Map<String, Double> entries = new LinkedHashMap<>();
            for (String part : l.substring(colon + 1).split(",")) {
                String[] kv = part.strip().split("\\s+");
                if (entries.put(kv[0], Double.parseDouble(kv[1])) != null) {
                    throw new IllegalStateException("demo model: " + key + " lists " + kv[0] + " twice");
                }
            }
            if (map.put(key, entries) != null) {
                throw new IllegalStateException("demo model: key " + key + " listed twice");
            }
        });
        return map;
    }

    static Map<String, RegionRow> regions() {
        Map<String, RegionRow> map = new HashMap<>();
        REGIONS.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> {
            String[] f = l.split("\\s+");
            map.put(f[0], new RegionRow(Double.parseDouble(f[1]), Double.parseDouble(f[2])));
        });
        return map;
    }
}
