package org.klaster.app;

/**
 * The two-sector nation worked by hand for leakage, localisation and local suppliers (issue 12), shared by the
 * command-line and the web tests so that both check the same hand values.
 *
 * <pre>
 * national table (sectors 20 and 29; import matrix):      employment 2024
 *            20   29   fd   x                               RU-SAM: 20 → 100, 29 → 100 (E_r = 200)
 *   20       10   20   70  100                              RU-ULY: 20 → 100, 29 → 300 (E_n = 600)
 *   29       30   10  160  200
 *   import:20  5  10
 *   import:29  0  20
 *   va        55 140
 * SLQ (RU-SAM): 20: (100/200)/(200/600) = 1.5, 29: (100/200)/(400/600) = 0.75; shares s = (0.5, 0.25), x_r = (50, 50)
 * a = [[0.1, 0.1], [0.3, 0.05]] → by SLQ, R = [[0.1, 0.1], [0.225, 0.0375]] (row 29 × 0.75)
 * inside z = R·diag(x_r) = [[5, 5], [11.25, 1.875]]; other regions (a − r)·x_r = [[0, 0], [3.75, 0.625]];
 * abroad s_j·M_ij = [[2.5, 2.5], [0, 5]]
 * </pre>
 */
public final class HandRegion {

    private HandRegion() {
    }

    public static final String TABLE = """
            code,20,29,fd:households,total_output
            20,10,20,70,100
            29,30,10,160,200
            import:20,5,10,,
            import:29,0,20,,
            value_added,55,140,,
            """;

    public static final String ACTIVITY = """
            region,industry,year,employment
            RU-SAM,20,2024,100
            RU-SAM,29,2024,100
            RU-ULY,20,2024,100
            RU-ULY,29,2024,300
            """;

    /** Establishments: suppliers of 20 in Samara (s1, s2 without coordinates), Ulyanovsk and Tatarstan; buyers of 29 (b1, b2). */
    public static final String FIRMS = """
            firm_id,region,industry,year,employment,lat,lon
            s1,RU-SAM,20.1,2024,50,53.2,50.1
            s2,RU-SAM,20,2024,200,,
            s3,RU-ULY,20.5,2024,500,54.3,48.4
            s4,RU-TA,20,2024,999,55.8,49.1
            b1,RU-SAM,29.1,2024,300,53.5,49.4
            b2,RU-SAM,29,2024,100,53.2,50.1
            """;
}
