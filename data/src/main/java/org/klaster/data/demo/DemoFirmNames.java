package org.klaster.data.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.klaster.data.reference.Region;

/**
 * Invented company names for the demo's synthetic establishments, in Russian (the demo's language), of
 * the shapes a Russian register shows: {@code ООО "Жигулёвский станкозавод"}, {@code АО "Велексмаш"},
 * {@code ООО "Тарион-Агро"}, {@code МБОУ "Школа № 12"}, {@code ИП Соколова Е. А.}. A name is a
 * deterministic function of the firm id, region, industry and size (legal form, and whether a shop or
 * a workshop is run by a sole proprietor): the same firm always gets the same name.
 *
 * <p>The names are <b>invented</b>: regional adjectives (from the region's name, capital or river),
 * industry nouns and brand syllables are combined at random. A combination may happen to equal some
 * real company's name, as generic names do in real registers; it says nothing about that company.
 *
 * <p>The tables are small text blocks, like {@code DemoModel}'s; adjectives are written in the
 * masculine and agreed with the noun's gender here ({@code -ий/-ый/-ой} → {@code -ая, -ое, -ие/-ые}).
 * Immutable and thread-safe once built; a name costs about a tenth of a microsecond once compiled.
 */
final class DemoFirmNames {

    private static final long KEY_FIRM_NAME = 7;

    /** {@code ISO adjective…}: adjectives (masculine) made from the region's name, capital, river or sea. */
    static final String REGION_ADJECTIVES = """
            RU-AD Адыгейский Майкопский
            RU-AL Горноалтайский Катунский
            RU-BA Башкирский Уфимский Бельский
            RU-BU Бурятский Байкальский Селенгинский
            RU-CE Грозненский Аргунский
            RU-CU Чувашский Чебоксарский
            RU-DA Дагестанский Каспийский
            RU-IN Ингушский Назрановский
            RU-KB Кабардино-Балкарский Нальчикский Эльбрусский
            RU-KL Калмыцкий Элистинский
            RU-KC Карачаево-Черкесский Черкесский
            RU-KR Карельский Онежский
            RU-KK Хакасский Абаканский Саянский
            RU-KO Сыктывкарский Печорский Вычегодский
            RU-ME Марийский Йошкар-Олинский
            RU-MO Мордовский Саранский
            RU-SA Якутский Ленский Вилюйский
            RU-SE Осетинский Владикавказский Аланский
            RU-TA Казанский Татарстанский Камский
            RU-TY Тувинский Кызылский
            RU-UD Удмуртский Ижевский
            RU-ALT Алтайский Барнаульский Бийский
            RU-KAM Камчатский Авачинский
            RU-KHA Хабаровский Комсомольский
            RU-KDA Кубанский Краснодарский
            RU-KYA Красноярский Енисейский
            RU-PER Пермский Прикамский
            RU-PRI Приморский Владивостокский Тихоокеанский
            RU-STA Ставропольский Пятигорский
            RU-ZAB Забайкальский Читинский
            RU-AMU Амурский Благовещенский Зейский
            RU-ARK Архангельский Беломорский Северодвинский
            RU-AST Астраханский Нижневолжский
            RU-BEL Белгородский Оскольский
            RU-BRY Брянский Деснинский
            RU-VLA Владимирский Ковровский Муромский
            RU-VGG Волгоградский Царицынский
            RU-VLG Вологодский Череповецкий
            RU-VOR Воронежский Россошанский
            RU-IVA Ивановский Шуйский
            RU-IRK Иркутский Ангарский Байкальский
            RU-KGD Калининградский Балтийский Янтарный
            RU-KLU Калужский Обнинский
            RU-KEM Кузбасский Кемеровский Новокузнецкий
            RU-KIR Кировский Вятский
            RU-KOS Костромской Галичский
            RU-KGN Курганский Зауральский
            RU-KRS Курский Сеймский
            RU-LEN Ленинградский Гатчинский Ладожский
            RU-LIP Липецкий Елецкий
            RU-MAG Магаданский Колымский
            RU-MOS Подмосковный Красногорский Подольский
            RU-MUR Мурманский Кольский Североморский
            RU-NIZ Нижегородский Окский
            RU-NGR Новгородский Ильменский
            RU-NVS Новосибирский Обский Сибирский
            RU-OMS Омский Иртышский
            RU-ORE Оренбургский Орский
            RU-ORL Орловский Ливенский
            RU-PNZ Пензенский Сурский
            RU-PSK Псковский Великолукский
            RU-ROS Ростовский Донской Таганрогский
            RU-RYA Рязанский Мещёрский
            RU-SAM Самарский Жигулёвский Тольяттинский Волжский
            RU-SAR Саратовский Энгельсский Поволжский
            RU-SAK Сахалинский Островной
            RU-SVE Свердловский Уральский Екатеринбургский
            RU-SMO Смоленский Днепровский
            RU-TAM Тамбовский Мичуринский
            RU-TVE Тверской Верхневолжский
            RU-TOM Томский Северский
            RU-TUL Тульский Новомосковский
            RU-TYU Тюменский Тобольский
            RU-ULY Ульяновский Симбирский Димитровградский
            RU-CHE Челябинский Южноуральский Магнитогорский
            RU-YAR Ярославский Рыбинский
            RU-MOW Московский Столичный
            RU-SPE Петербургский Невский Балтийский
            RU-YEV Биробиджанский Приамурский
            RU-NEN Ненецкий Заполярный
            RU-KHM Югорский Сургутский Нижневартовский
            RU-CHU Чукотский Анадырский
            RU-YAN Ямальский Надымский Ноябрьский
            """;

    /** Adjectives any region's firm may take. */
    static final String GENERIC_ADJECTIVES = "Северный Южный Центральный Новый Первый Объединённый Региональный Городской";

    /**
     * {@code code | brand suffixes | nouns} by industry (a division, or a group of 28 and 30). A suffix is
     * glued to an invented brand ({@code маш} → {@code Велексмаш}) or, starting with '-', joined by a
     * hyphen ({@code -Агро} → {@code Велекс-Агро}); {@code -} alone: no brand names (public bodies). A noun
     * is {@code noun/gender[/flags][@legal form]}: gender m, f, n or p (plural); flags {@code s} only for
     * establishments under 50 persons, {@code l} only for 50 and more, {@code N} numbered ({@code № 12}),
     * {@code 0} without an adjective; a legal form replaces the ООО/АО/ПАО chosen by size.
     */
    static final String INDUSTRIES = """
            01 | агро -Агро -Нива | агрофирма/f; агрокомплекс/m/l; сельхозпредприятие/n; фермерское хозяйство/n/s; птицефабрика/f/l; тепличный комбинат/m/l
            02 | лес -Лес | лесхоз/m; лесозаготовительная компания/f; лесопромышленное предприятие/n
            03 | -Рыба -Улов | рыболовецкая артель/f; рыбный промысел/m; рыбхоз/m
            05 | -Уголь | угольная компания/f; угольный разрез/m/l; шахтоуправление/n/l
            06 | -Нефть -Газ | нефтедобывающее предприятие/n; нефтегазодобывающее управление/n/l; газовый промысел/m
            07 | -Руда | горно-обогатительный комбинат/m/l; рудник/m; горнорудная компания/f
            08 | -Карьер -Нерудпром | карьер/m; щебёночный завод/m; карьероуправление/n
            09 | -Геосервис -Бурение | геологоразведочная экспедиция/f; буровое предприятие/n; нефтесервисная компания/f
            10 | продукт -Продукт -Фуд | хлебозавод/m; молочный комбинат/m; мясокомбинат/m; кондитерская фабрика/f; пекарня/f/s; консервный завод/m
            11 | -Напитки | пивоварня/f; винзавод/m; завод напитков/m; ликёро-водочный завод/m/l
            12 | -Табак | табачная фабрика/f
            13 | текс -Текстиль | текстильная фабрика/f; прядильная фабрика/f; ткацкая фабрика/f
            14 | -Стиль -Мода | швейная фабрика/f; швейное ателье/n/s; трикотажная фабрика/f
            15 | -Обувь | обувная фабрика/f; кожевенный завод/m
            16 | -Древ -Вуд | деревообрабатывающий комбинат/m; лесопильный завод/m; столярная мастерская/f/s
            17 | -Бумага -Картон | бумажная фабрика/f; картонная фабрика/f; целлюлозно-бумажный комбинат/m/l
            18 | -Принт -Полиграф | типография/f; полиграфический комбинат/m/l; печатный двор/m
            19 | -Нефтехим | завод масел и смазок/m; битумный завод/m; нефтеперерабатывающий завод/m/l
            20 | хим -Хим -Химия | химический завод/m; завод удобрений/m; химкомбинат/m/l; лакокрасочный завод/m
            21 | фарм -Фарм -Био | фармацевтическая фабрика/f; фармзавод/m; завод биопрепаратов/m
            22 | пласт -Полимер | завод пластмасс/m; завод полимерных изделий/m; шинный завод/m/l
            23 | -Керамика -Стекло -Бетон | кирпичный завод/m; завод ЖБИ/m; стекольный завод/m; цементный завод/m/l
            24 | мет -Металл -Сталь | металлургический завод/m/l; литейный завод/m; трубный завод/m/l; завод цветных металлов/m
            25 | -Металл -Конструкция | завод металлоконструкций/m; механический завод/m; метизный завод/m; кузнечный цех/m/s
            26 | прибор электрон -Электроника -Прибор | приборный завод/m; радиозавод/m; завод микроэлектроники/m; научно-производственное объединение/n/l
            27 | электро -Электро -Кабель | электротехнический завод/m; кабельный завод/m; завод трансформаторов/m
            28.1 | маш -Насос -Компрессор | насосный завод/m; компрессорный завод/m; завод гидравлики/m
            28.2 | маш -Техмаш | завод подъёмно-транспортного оборудования/m; завод холодильного оборудования/m; механический завод/m
            28.3 | агромаш -Сельмаш | завод сельхозмашин/m; завод тракторных агрегатов/m
            28.4 | станко -Станок -Инструмент | станкозавод/m; станкостроительный завод/m; инструментальный завод/m
            28.9 | маш спецмаш | машиностроительный завод/m; завод спецмашин/m; завод технологического оборудования/m
            29 | авто -Авто -Моторс | автозавод/m/l; завод автокомпонентов/m; завод прицепов/m
            30.1 | -Судострой -Верфь | судостроительный завод/m; судоремонтный завод/m; верфь/f
            30.2 | вагон -Вагон | вагоностроительный завод/m; вагоноремонтный завод/m; локомотивный завод/m
            30.3 | авиа -Авиа -Аэро | авиационный завод/m; моторостроительное КБ/n; авиаремонтный завод/m
            30.4 | спецтех -Спецтехника | завод специальной техники/m; ремонтный завод бронетехники/m
            30.9 | -Мото -Вело | завод мототехники/m; велосипедный завод/m
            31 | -Мебель | мебельная фабрика/f; мебельный цех/m/s
            32 | -Мед -Игрушка | завод медицинских изделий/m; ювелирная фабрика/f; фабрика игрушек/f
            33 | -Ремонт -Сервис | ремонтно-механический завод/m; сервисный центр/m; ремонтное предприятие/n
            35 | энерго -Энерго | энергосбытовая компания/f; тепловая сеть/f; электросетевая компания/f; котельная/f/s
            36 | -Водоканал | водоканал/m
            37 | -Экосток | очистные сооружения/p
            38 | -Эко -Утиль | экологический оператор/m; мусороперерабатывающий завод/m; спецавтохозяйство/n
            39 | -Эко | экоцентр/m
            41 | строй -Строй -Девелопмент | строительная компания/f; домостроительный комбинат/m/l; стройтрест/m
            42 | дорстрой -Дорстрой -Мост | дорожно-строительное управление/n; мостостроительный отряд/m; дорожная компания/f
            43 | монтаж -Монтаж -Ремстрой | монтажное управление/n; ремонтно-строительная компания/f; электромонтажная компания/f
            45 | авто -Авто -Моторс | автоцентр/m; автосервис/m/s; автосалон/m
            46 | торг -Трейд -Опт | торговый дом/m; оптовая компания/f; дистрибьюторская компания/f
            47 | торг -Маркет -Торг | магазин/m/s; универсам/m; торговая сеть/f/l; аптека/f/s
            49 | транс -Транс -Логистик | автотранспортное предприятие/n; транспортная компания/f; автоколонна/f
            50 | -Флот -Шиппинг | пароходство/n/l; судоходная компания/f
            51 | авиа -Авиа -Эйр | авиакомпания/f; авиаотряд/m
            52 | -Логистик -Терминал | логистический центр/m; складской комплекс/m; транспортный терминал/m
            53 | -Экспресс | курьерская служба/f; почтовая служба/f
            55 | -Отель | гостиница/f; санаторий/m/l; гостевой дом/m/s
            56 | -Вкус | кафе/n/s; ресторан/m; столовая/f
            58 | -Медиа -Пресс | издательство/n; издательский дом/m
            59 | -Фильм -Продакшн | киностудия/f; продюсерский центр/m
            60 | -ТВ -Радио | телерадиокомпания/f; радиостанция/f
            61 | телеком -Телеком -Связь | оператор связи/m; телефонная компания/f
            62 | софт -Софт -Систем | программные системы/p; цифровые решения/p; информационные технологии/p; студия разработки/f/s
            63 | -Дата -Инфо | центр обработки данных/m; информационное агентство/n
            64 | -Финанс -Капитал | кредитный союз/m; финансовая компания/f; расчётный центр/m
            65 | -Страхование | страховая компания/f; страховое общество/n
            66 | -Инвест -Брокер | инвестиционная компания/f; брокерский дом/m
            68 | -Недвижимость -Дом | управляющая компания/f; агентство недвижимости/n; жилищный фонд/m
            69 | -Аудит -Право -Консалт | юридическое бюро/n; аудиторская фирма/f; бухгалтерский центр/m
            70 | -Консалт -Менеджмент | консалтинговая группа/f; управляющая компания/f
            71 | -Проект -Инжиниринг | проектный институт/m; архитектурное бюро/n; инженерный центр/m
            72 | -Наука -Лаб | научно-исследовательский институт/m/l; научный центр/m; исследовательская лаборатория/f
            73 | -Реклама -Маркетинг | рекламное агентство/n; маркетинговая группа/f
            74 | -Дизайн | дизайн-студия/f; бюро переводов/n; фотостудия/f/s
            75 | -Вет | ветеринарная клиника/f; ветстанция/f
            77 | -Лизинг -Прокат | лизинговая компания/f; прокатная компания/f
            78 | -Кадры -Персонал | кадровое агентство/n
            79 | -Тур -Трэвел | туристическое агентство/n; турфирма/f
            80 | -Охрана -Безопасность | охранное предприятие/n; служба безопасности/f
            81 | -Клининг -Сервис | клининговая компания/f; служба эксплуатации зданий/f
            82 | -Офис -Колл | бизнес-центр/m; контактный центр/m
            84 | - | многофункциональный центр/m@ГАУ; управление делами/n@ГКУ; центр занятости населения/m@ГКУ; хозяйственное управление/n@МКУ
            85 | - | школа/f/N0@МБОУ; детский сад/m/N0@МБДОУ; гимназия/f/N0@МАОУ; колледж/m@ГБПОУ; университет/m/l@ФГБОУ ВО; центр дополнительного образования/m@МБУ ДО
            86 | -Мед -Клиник | городская больница/f/N0@ГБУЗ; поликлиника/f/N0@ГБУЗ; районная больница/f@ГБУЗ; медицинский центр/m; стоматологическая клиника/f/s
            87 | - | дом-интернат/m@ГБУ; пансионат для пожилых/m@ГАУ
            88 | - | центр социального обслуживания/m@ГБУ; реабилитационный центр/m@ГБУ
            90 | -Арт | театр/m@ГАУК; филармония/f@ГАУК; творческая мастерская/f/s
            91 | - | музей/m@ГБУК; библиотека/f/N0@МБУК; краеведческий музей/m@ГБУК
            92 | -Спорт -Лото | букмекерская контора/f; лотерейный оператор/m
            93 | -Спорт -Фитнес | спортивный клуб/m; фитнес-центр/m/s; спортивный комплекс/m@МАУ
            94 | - | общественная организация/f@РОО; ассоциация предпринимателей/f@АНО; фонд развития/m@АНО
            95 | -Сервис -Мастер | ремонтная мастерская/f/s; сервисный центр/m
            96 | -Стиль -Сервис | парикмахерская/f/s; химчистка/f; салон красоты/m/s
            97 | - | домохозяйство/n/0
            98 | - | домохозяйство/n/0
            99 | - | международный центр/m@АНО; представительство/n@АНО
            """;

    /** Industries whose small establishments (≤ 10 persons) are often run by a sole proprietor (ИП). */
    static final Set<String> SOLE_PROPRIETORS = Set.of("01", "43", "45", "47", "49", "56", "68", "69", "73", "74", "77",
            "79", "81", "93", "95", "96");
    /** Industries whose establishments are all households or persons (named as ИП). */
    static final Set<String> PERSONS = Set.of("97", "98");

    static final String[] BRAND_HEADS = ("Ал Ар Арк Бас Бел Бор Век Вел Вер Вит Вол Гал Гран Дар Дин Зар Ил Кам Кар Кед"
            + " Кор Лад Лер Лин Мар Нор Ок Прим Рад Сев Сиб Сол Стан Тал Тар Тех Ур Фор Юг Ян").split(" ");
    static final String[] BRAND_TAILS = "ан ар ас ев ега екс ен ест ея иан ина ион ис ит ол он ор ум ура ус".split(" ");

    static final String[] SURNAMES = ("Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров"
            + " Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров"
            + " Никитин Захаров Зайцев Борисов Яковлев Григорьев Романов Сергеев Кузьмин Фролов Дмитриев Гусев Ильин"
            + " Максимов Поляков Сорокин Виноградов Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров"
            + " Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов").split(" ");
    static final String[] INITIALS = "А Б В Г Д Е И К Л М Н О П Р С Т Ю Я".split(" ");

    /** One noun of an industry. */
    private record Noun(String text, int gender, boolean numbered, boolean bare, String form, boolean small,
                        boolean large) {
    }

    /** What an industry's names are made of. */
    private record Kind(String[] suffixes, Noun[] smallNouns, Noun[] largeNouns, boolean soleProprietors,
                        boolean persons) {
    }

    /** [region][industry]: the key of the cell's name draws, mixed with the firm id per firm. */
    private final long[][] cellKeys;
    /** [region][adjective][gender] */
    private final String[][][] regionAdjectives;
    private final String[][] genericAdjectives;
    private final Kind[] kinds;

    /**
     * @param regions    the demo's regions, in the order firm rows use
     * @param industries the demo's industry codes, in the order firm rows use
     */
    DemoFirmNames(List<Region> regions, List<String> industries) {
        Map<String, String[]> byIso = new HashMap<>();
        REGION_ADJECTIVES.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> {
            String[] f = l.split("\\s+");
            byIso.put(f[0], java.util.Arrays.copyOfRange(f, 1, f.length));
        });
        long[] isoKeys = new long[regions.size()];
        regionAdjectives = new String[regions.size()][][];
        for (int r = 0; r < regions.size(); r++) {
            String iso = regions.get(r).iso();
            String[] adjectives = byIso.get(iso);
            if (adjectives == null) {
                throw new IllegalStateException("demo firm names: no adjectives for region " + iso);
            }
            isoKeys[r] = DemoRandom.hash(iso);
            regionAdjectives[r] = new String[adjectives.length][];
            for (int a = 0; a < adjectives.length; a++) {
                regionAdjectives[r][a] = forms(adjectives[a]);
            }
        }
        String[] generic = GENERIC_ADJECTIVES.split(" ");
        genericAdjectives = new String[generic.length][];
        for (int a = 0; a < generic.length; a++) {
            genericAdjectives[a] = forms(generic[a]);
        }
        Map<String, Kind> table = parseIndustries();
        kinds = new Kind[industries.size()];
        cellKeys = new long[regions.size()][industries.size()];
        for (int i = 0; i < industries.size(); i++) {
            String code = industries.get(i);
            long codeKey = DemoRandom.hash(code);
            for (int r = 0; r < regions.size(); r++) {
                cellKeys[r][i] = DemoRandom.key(DemoEconomy.SEED, KEY_FIRM_NAME, isoKeys[r], codeKey);
            }
            Kind k = table.get(code);
            if (k == null && code.length() > 2) {
                k = table.get(code.substring(0, 2));
            }
            if (k == null) {
                throw new IllegalStateException("demo firm names: no nouns for industry " + code);
            }
            kinds[i] = k;
        }
    }

    /**
     * The masculine, feminine, neuter and plural forms of an adjective given in the masculine
     * ({@code Самарский} → {@code Самарская, Самарское, Самарские}; {@code Новый} → {@code Новые}).
     */
    static String[] forms(String masculine) {
        if (!masculine.endsWith("ий") && !masculine.endsWith("ый") && !masculine.endsWith("ой")) {
            throw new IllegalStateException("demo firm names: not an adjective in -ий/-ый/-ой: " + masculine);
        }
        String stem = masculine.substring(0, masculine.length() - 2);
        char last = stem.charAt(stem.length() - 1);
        boolean velar = "кгхжшчщ".indexOf(last) >= 0;
        return new String[] {masculine, stem + "ая", stem + "ое", stem + (velar ? "ие" : "ые")};
    }

    private static Map<String, Kind> parseIndustries() {
        Map<String, Kind> out = new HashMap<>();
        INDUSTRIES.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> {
            String[] parts = l.split("\\|");
            if (parts.length != 3) {
                throw new IllegalStateException("demo firm names: a line needs code | suffixes | nouns: " + l);
            }
            String code = parts[0].strip();
            String s = parts[1].strip();
            String[] suffixes = s.equals("-") ? new String[0] : s.split("\\s+");
            List<Noun> small = new ArrayList<>();
            List<Noun> large = new ArrayList<>();
            for (String entry : parts[2].split(";")) {
                Noun n = noun(entry.strip(), l);
                if (!n.large()) small.add(n);
                if (!n.small()) large.add(n);
            }
            if (small.isEmpty()) small.addAll(large);
            if (large.isEmpty()) large.addAll(small);
            out.put(code, new Kind(suffixes, small.toArray(new Noun[0]), large.toArray(new Noun[0]),
                    SOLE_PROPRIETORS.contains(code), PERSONS.contains(code)));
        });
        return out;
    }

    private static Noun noun(String entry, String line) {
        String form = null;
        int at = entry.indexOf('@');
        if (at >= 0) {
            form = entry.substring(at + 1).strip();
            entry = entry.substring(0, at);
        }
        String[] f = entry.split("/");
        if (f.length < 2 || f[1].length() != 1 || "mfnp".indexOf(f[1].charAt(0)) < 0) {
            throw new IllegalStateException("demo firm names: a noun needs /m, /f, /n or /p: " + entry + " in " + line);
        }
        String flags = f.length > 2 ? f[2] : "";
        int gender = "mfnp".indexOf(f[1].charAt(0));
        boolean bare = flags.indexOf('0') >= 0;
        String text = f[0].strip();
        if (bare) {
            text = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
        }
        return new Noun(text, gender, flags.indexOf('N') >= 0, bare, form, flags.indexOf('s') >= 0,
                flags.indexOf('l') >= 0);
    }

    /** The name of firm {@code firmId} of region index {@code r} and industry index {@code i}. */
    String name(long firmId, int r, int i, int employment) {
        // two SplitMix64 outputs of the firm's key, each cut into four 16-bit fields
        long key = DemoRandom.mix(cellKeys[r][i] ^ DemoRandom.mix(firmId));
        long d1 = DemoRandom.mix(key + GOLDEN);
        long d2 = DemoRandom.mix(key + 2 * GOLDEN);
        Kind k = kinds[i];
        if (k.persons() || (k.soleProprietors() && employment <= 10 && field(d1, 0, 100) < 60)) {
            return "ИП " + SURNAMES[field(d2, 0, SURNAMES.length)] + (field(d2, 1, 100) < 45 ? "а " : " ")
                    + INITIALS[field(d2, 2, INITIALS.length)] + ". " + INITIALS[field(d2, 3, INITIALS.length)] + ".";
        }
        String form = legalForm(employment, field(d1, 1, 100));
        if (k.suffixes().length > 0 && field(d1, 2, 100) < 40) {
            return form + " \"" + BRAND_HEADS[field(d2, 0, BRAND_HEADS.length)] + BRAND_TAILS[field(d2, 1, BRAND_TAILS.length)]
                    + k.suffixes()[field(d2, 2, k.suffixes().length)] + "\"";
        }
        Noun[] nouns = employment >= 50 ? k.largeNouns() : k.smallNouns();
        Noun n = nouns[field(d2, 0, nouns.length)];
        String adjective = "";
        if (!n.bare()) {
            String[][] pool = field(d2, 1, 100) < 80 ? regionAdjectives[r] : genericAdjectives;
            adjective = pool[field(d2, 2, pool.length)][n.gender()] + " ";
        }
        String number = "";
        if (n.numbered()) {
            number = " № " + (1 + field(d2, 3, 120));
        } else if (n.form() == null && field(d1, 3, 100) < 12) { // a firm's, not a public body's
            number = " № " + (2 + field(d2, 3, 8));
        }
        return (n.form() != null ? n.form() : form) + " \"" + adjective + n.text() + number + "\"";
    }

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** Field {@code k} (0–3, 16 bits each) of {@code bits}, reduced to 0..n-1 (n ≤ 65 536; tiny modulo bias is harmless here). */
    private static int field(long bits, int k, int n) {
        return (int) (((bits >>> (16 * k)) & 0xFFFF) * n >>> 16);
    }

    /** ООО, АО or ПАО by size; {@code percent} a uniform draw 0–99. */
    private static String legalForm(int employment, int percent) {
        if (employment >= 1000) {
            return percent < 10 ? "ПАО" : percent < 65 ? "АО" : "ООО";
        }
        if (employment >= 250) {
            return percent < 40 ? "АО" : "ООО";
        }
        return percent < 4 ? "АО" : "ООО";
    }

}
