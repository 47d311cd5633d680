package org.klaster.app.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klaster.registry.Identifiers;

/**
 * The labelled set of partner matching (docs/methods-cooperation.md, "Quality"), written for Klaster: 35 industrial
 * domains, nine invented organisations each (315) stating their competence in Russian or English, and two needs per
 * domain (70) whose correct partners are the nine organisations of that domain. Needs and competences are phrased
 * apart on purpose — other word forms («станка» / «станков»), synonyms («поковка» / «ковка»), the other language
 * ("bearing" / «подшипник») — and several domains share words (three kinds of casting, four of metal working, two
 * of coating, two of electronics), so plain string matching misses and confuses. Deterministic: no random numbers.
 *
 * <p>{@code main(DIR)} writes the registry folder and {@code needs.csv} ({@code id,text,codes,relevant}); the files
 * under {@code src/test/resources/match-quality} are its output, and {@link MatchQualityTest} checks they still are.
 */
public final class MatchQualitySet {

    /** A domain: its OKVED2 activity, the product code its offers carry, competences (RU, EN) and two needs. */
    record Domain(String id, String okved, String code, String type, List<String> ru, List<String> en, List<String> needs) {
    }

    static final List<Domain> DOMAINS = List.of(
            new Domain("machine-tools", "28.41", "28.41", "enterprise",
                    List.of("Производство металлорежущих станков с ЧПУ", "Выпускаем токарные и фрезерные станки",
                            "Изготовление станков для металлообработки"),
                    List.of("Manufacturer of CNC machine tools", "We build lathes and milling machines"),
                    List.of("Ищем производителя станка с числовым программным управлением",
                            "Need a supplier of machine tools for our workshop")),
            new Domain("bearings", "28.15", "28.15.1", "enterprise",
                    List.of("Производство подшипников качения", "Выпускаем шариковые и роликовые подшипники",
                            "Подшипники скольжения для тяжёлой техники"),
                    List.of("Ball and roller bearings manufacturer", "Bearings for heavy machinery"),
                    List.of("Требуется поставщик подшипника для редуктора", "Looking for roller bearing supplier")),
            new Domain("aluminium-casting", "24.53", "24.53", "enterprise",
                    List.of("Литьё алюминия под давлением", "Отливки из алюминиевых сплавов", "Алюминиевое литьё в кокиль"),
                    List.of("Aluminium die casting", "Aluminum castings for automotive parts"),
                    List.of("Нужны алюминиевые отливки корпусов", "Need aluminium casting of housings")),
            new Domain("iron-casting", "24.51", "24.51", "enterprise",
                    List.of("Литьё из серого чугуна", "Отливки из чугуна для станкостроения", "Чугунные отливки массой до 5 тонн"),
                    List.of("Grey iron castings", "Cast iron foundry services"),
                    List.of("Ищем литейное производство чугунных отливок", "Cast iron parts needed")),
            new Domain("forgings", "25.50", "25.50", "enterprise",
                    List.of("Горячая объёмная штамповка и ковка", "Производство поковок из стали", "Кованые заготовки валов"),
                    List.of("Open die forgings", "Steel forging and stamping"),
                    List.of("Нужна поковка вала из легированной стали", "Looking for forged shaft blanks")),
            new Domain("pcb", "26.12", "26.12.10", "enterprise",
                    List.of("Изготовление печатных плат", "Многослойные печатные платы", "Производство плат с металлизацией отверстий"),
                    List.of("Printed circuit board fabrication", "Multilayer PCB manufacturer"),
                    List.of("Требуется изготовление печатной платы", "Need PCB prototypes")),
            new Domain("smt-assembly", "26.12", "26.12.20", "enterprise",
                    List.of("Поверхностный монтаж электронных компонентов", "Контрактная сборка электроники", "Монтаж плат SMT и THT"),
                    List.of("SMT assembly of electronic boards", "Contract electronics assembly"),
                    List.of("Ищем подрядчика на монтаж печатных плат", "Electronics contract manufacturing needed")),
            new Domain("composites", "22.29", "22.29.29", "enterprise",
                    List.of("Изделия из углепластика", "Композиционные материалы на основе углеволокна", "Производство композитных панелей"),
                    List.of("Carbon fibre composite parts", "Composite panels manufacturer"),
                    List.of("Нужны детали из композитов", "Looking for carbon fiber components")),
            new Domain("hydraulics", "28.12", "28.12", "enterprise",
                    List.of("Производство гидроцилиндров", "Гидравлические насосы и гидроцилиндры", "Ремонт гидравлического оборудования"),
                    List.of("Hydraulic cylinders manufacturer", "Hydraulic pumps and valves"),
                    List.of("Требуются гидроцилиндры для пресса", "Need hydraulic cylinder for press")),
            new Domain("steel-structures", "25.11", "25.11", "enterprise",
                    List.of("Сварные металлоконструкции", "Сварка и изготовление металлических конструкций",
                            "Производство металлоконструкций для промышленных зданий"),
                    List.of("Welded steel structures", "Steel structure fabrication"),
                    List.of("Ищем изготовителя сварных рам", "Need welded frames fabrication")),
            new Domain("heat-treatment", "25.61", "25.61", "enterprise",
                    List.of("Термическая обработка металлов", "Закалка и отпуск деталей", "Вакуумная термообработка"),
                    List.of("Heat treatment of steel parts", "Vacuum hardening services"),
                    List.of("Нужна термообработка шестерён", "Looking for heat treatment of gears")),
            new Domain("electroplating", "25.61", "25.61", "enterprise",
                    List.of("Гальванические покрытия: цинкование, хромирование", "Нанесение гальванических покрытий",
                            "Анодирование алюминия"),
                    List.of("Electroplating and zinc coating", "Anodizing of aluminium parts"),
                    List.of("Требуется цинкование крепежа", "Need electroplating of parts")),
            new Domain("injection-moulding", "22.29", "22.29.2", "enterprise",
                    List.of("Литьё пластмасс под давлением", "Изготовление пластиковых деталей на термопластавтоматах",
                            "Производство изделий из полимеров"),
                    List.of("Plastic injection moulding", "Injection molded plastic parts"),
                    List.of("Нужны пластмассовые корпуса литьём под давлением", "Need injection molding of plastic housings")),
            new Domain("rubber-seals", "22.19", "22.19", "enterprise",
                    List.of("Резинотехнические изделия: уплотнения и манжеты", "Производство резиновых уплотнителей",
                            "РТИ для машиностроения"),
                    List.of("Rubber seals and gaskets", "Molded rubber products"),
                    List.of("Требуются резиновые прокладки", "Looking for rubber gasket supplier")),
            new Domain("cables", "27.32", "27.32", "enterprise",
                    List.of("Производство кабелей и проводов", "Кабельная продукция для энергетики", "Силовые кабели с медной жилой"),
                    List.of("Power cables and wires", "Cable manufacturer"),
                    List.of("Нужен силовой кабель", "Need copper wire supplier")),
            new Domain("electric-motors", "27.11", "27.11", "enterprise",
                    List.of("Производство электродвигателей", "Асинхронные электродвигатели", "Электродвигатели постоянного тока"),
                    List.of("Electric motors manufacturer", "Induction motors"),
                    List.of("Требуется асинхронный электродвигатель", "Looking for electric motor supplier")),
            new Domain("sensors", "26.51", "26.51", "enterprise",
                    List.of("Датчики давления и температуры", "Производство промышленных датчиков",
                            "Измерительные преобразователи и сенсоры"),
                    List.of("Pressure and temperature sensors", "Industrial sensors"),
                    List.of("Нужен датчик давления", "Need temperature sensor")),
            new Domain("cad-software", "62.01", "62.01", "enterprise",
                    List.of("Разработка программного обеспечения для проектирования", "САПР для машиностроения",
                            "Программное обеспечение для инженеров"),
                    List.of("CAD software development", "Engineering software"),
                    List.of("Ищем разработчика системы автоматизированного проектирования", "Need CAD software")),
            new Domain("testing-lab", "71.20", "71.20", "infrastructure",
                    List.of("Испытательная лаборатория: механические испытания материалов", "Испытания на прочность и усталость",
                            "Лабораторные испытания металлов"),
                    List.of("Materials testing laboratory", "Mechanical testing services"),
                    List.of("Нужно испытание образцов на прочность", "Looking for a testing lab")),
            new Domain("calibration", "71.20", "71.20", "infrastructure",
                    List.of("Поверка и калибровка средств измерений", "Метрологическое обеспечение производства",
                            "Калибровка манометров и датчиков"),
                    List.of("Calibration of measuring instruments", "Metrology services"),
                    List.of("Требуется поверка измерительных приборов", "Need calibration of gauges")),
            new Domain("machine-repair", "33.12", "33.12", "enterprise",
                    List.of("Ремонт и модернизация металлорежущих станков", "Капитальный ремонт станков",
                            "Восстановление станочного оборудования"),
                    List.of("Machine tool repair and retrofit", "Overhaul of CNC machines"),
                    List.of("Нужен ремонт станка", "Looking for machine tool overhaul")),
            new Domain("cnc-machining", "25.62", "25.62", "enterprise",
                    List.of("Механическая обработка деталей на станках с ЧПУ", "Токарная и фрезерная обработка на заказ",
                            "Механообработка по чертежам заказчика"),
                    List.of("CNC machining services", "Precision turning and milling"),
                    List.of("Требуется механообработка деталей по чертежам", "Need CNC milling of parts")),
            new Domain("gearboxes", "28.15", "28.15.2", "enterprise",
                    List.of("Производство редукторов", "Цилиндрические и червячные редукторы", "Зубчатые передачи и редукторы"),
                    List.of("Gearboxes manufacturer", "Industrial gear reducers"),
                    List.of("Нужен червячный редуктор", "Looking for gearbox supplier")),
            new Domain("batteries", "27.20", "27.20", "enterprise",
                    List.of("Производство аккумуляторных батарей", "Литий-ионные аккумуляторы", "Тяговые аккумуляторы"),
                    List.of("Lithium-ion batteries", "Battery packs manufacturer"),
                    List.of("Требуются литий-ионные аккумуляторы", "Need battery packs")),
            new Domain("led-lighting", "27.40", "27.40", "enterprise",
                    List.of("Светодиодные светильники", "Промышленное светодиодное освещение", "Производство светильников"),
                    List.of("LED luminaires", "Industrial LED lighting"),
                    List.of("Нужны светодиодные светильники для цеха", "Need LED lighting for a workshop")),
            new Domain("robots", "28.99", "28.99", "enterprise",
                    List.of("Промышленные роботы и манипуляторы", "Роботизированные комплексы сварки", "Внедрение промышленных роботов"),
                    List.of("Industrial robots integration", "Robotic welding cells"),
                    List.of("Ищем поставщика промышленного робота", "Need robotic cell")),
            new Domain("cutting-tools", "25.73", "25.73", "enterprise",
                    List.of("Режущий инструмент: фрезы, свёрла, резцы", "Производство твердосплавного инструмента",
                            "Металлорежущий инструмент"),
                    List.of("Cutting tools: end mills and drills", "Carbide tooling manufacturer"),
                    List.of("Нужны твердосплавные фрезы", "Need carbide drills")),
            new Domain("fasteners", "25.94", "25.94", "enterprise",
                    List.of("Крепёжные изделия: болты, гайки, шпильки", "Производство метизов", "Высокопрочный крепёж"),
                    List.of("Fasteners: bolts and nuts", "High-strength fasteners"),
                    List.of("Требуются высокопрочные болты", "Need bolts and nuts")),
            new Domain("paints", "20.30", "20.30", "enterprise",
                    List.of("Лакокрасочные материалы", "Производство порошковых красок", "Антикоррозионные покрытия и краски"),
                    List.of("Industrial paints and coatings", "Powder coatings manufacturer"),
                    List.of("Нужна порошковая краска", "Need anticorrosion paint")),
            new Domain("packaging", "17.21", "17.21", "enterprise",
                    List.of("Гофрокартон и гофротара", "Производство упаковки из картона", "Транспортная упаковка"),
                    List.of("Corrugated packaging", "Cardboard boxes manufacturer"),
                    List.of("Требуется упаковка для деталей", "Need corrugated boxes")),
            new Domain("training", "85.30", "85.30", "college",
                    List.of("Подготовка сварщиков и операторов станков", "Профессиональное обучение рабочих",
                            "Курсы повышения квалификации инженеров"),
                    List.of("Vocational training of welders", "Training of CNC operators"),
                    List.of("Нужно обучение операторов станков с ЧПУ", "Need welder training")),
            new Domain("materials-research", "72.19", "72.19", "research",
                    List.of("Научные исследования в области материаловедения", "Разработка новых сплавов",
                            "НИОКР по полимерным материалам"),
                    List.of("Materials science research", "R&D of new alloys"),
                    List.of("Ищем партнёра для исследований жаропрочных сплавов", "Research partner for new alloys")),
            new Domain("laser-cutting", "25.62", "25.62", "enterprise",
                    List.of("Лазерная резка листового металла", "Лазерный раскрой", "Резка металла лазером и гибка"),
                    List.of("Laser cutting of sheet metal", "Sheet metal laser cutting and bending"),
                    List.of("Требуется лазерная резка листа", "Need laser cut sheet parts")),
            new Domain("springs", "25.93", "25.93", "enterprise",
                    List.of("Производство пружин", "Пружины сжатия и растяжения", "Витые пружины"),
                    List.of("Compression springs", "Springs manufacturer"),
                    List.of("Нужны пружины сжатия", "Need compression spring supplier")),
            new Domain("steel-pipes", "24.20", "24.20", "enterprise",
                    List.of("Производство стальных труб", "Бесшовные трубы", "Электросварные трубы"),
                    List.of("Seamless steel pipes", "Steel tubes manufacturer"),
                    List.of("Требуются бесшовные трубы", "Need steel pipe supplier")));

    /** Organisations per domain. */
    static final int PER_DOMAIN = 9;

    private static final List<String> FILLERS_RU = List.of("", " Серийное производство.", " Работаем по ГОСТ и ISO 9001.",
            " Собственное конструкторское бюро.", " Доставка по всей России.");
    private static final List<String> FILLERS_EN = List.of("", " ISO 9001 certified.", " Small and large batches.",
            " Delivery across Russia.");
    private static final List<String> REGIONS = List.of("RU-SAM", "RU-TA", "RU-SVE", "RU-MOW", "RU-SPE", "RU-NIZ", "RU-PER",
            "RU-CHE");
    private static final List<String> SYLLABLES = List.of("Ал", "Бер", "Вол", "Гра", "Дон", "Ель", "Жар", "Зен", "Ир", "Кам",
            "Лен", "Мир", "Нев", "Ок", "Пер", "Рос", "Сев", "Тор", "Урал", "Фор", "Хим", "Цен", "Яр");
    private static final List<String> SUFFIXES = List.of("маш", "пром", "тех", "мет", "лит", "сервис", "систем", "завод");

    private MatchQualitySet() {
    }

    /** A need of the set: its text, codes (maybe none) and the INNs of its correct partners. */
    record Need(String id, String text, String codes, List<String> relevant) {
    }

    /** The organisations' rows, the competences' rows and the needs, in file order. */
    record Output(List<List<String>> organisations, List<List<String>> offers, List<Need> needs) {
    }

    static Output generate() {
        List<List<String>> orgs = new ArrayList<>();
        List<List<String>> offers = new ArrayList<>();
        List<Need> needs = new ArrayList<>();
        int serial = 0;
        for (int d = 0; d < DOMAINS.size(); d++) {
            Domain dom = DOMAINS.get(d);
            List<String> inns = new ArrayList<>();
            for (int j = 0; j < PER_DOMAIN; j++) {
                serial++;
                String inn = inn(serial);
                inns.add(inn);
                String name = "ООО «" + SYLLABLES.get((d * 7 + j * 3) % SYLLABLES.size())
                        + SUFFIXES.get((d + j) % SUFFIXES.size()).toLowerCase(java.util.Locale.ROOT) + "-" + serial + "»";
                // organisations 3, 6 and 9 of a domain write their competence in English
                boolean english = j % 3 == 2;
                String base = english ? dom.en().get(j % dom.en().size()) : dom.ru().get(j % dom.ru().size());
                String filler = english ? FILLERS_EN.get((d + j) % FILLERS_EN.size()) : FILLERS_RU.get((d + j) % FILLERS_RU.size());
                String text = filler.isEmpty() ? base : base + "." + filler;
                // codes: the product code, its division only, or none
                String codes = switch (j % 4) {
                    case 0, 1 -> dom.code();
                    case 2 -> dom.code().substring(0, 2);
                    default -> "";
                };
                String okved = j % 5 == 4 ? dom.okved().substring(0, 2) : dom.okved();
                orgs.add(List.of(inn, ogrn(serial), name, dom.type(), okved, REGIONS.get((d + j) % REGIONS.size())));
                offers.add(List.of(inn, "competence", text, codes));
            }
            for (int k = 0; k < dom.needs().size(); k++) {
                // the first need of every other domain names the product code, the rest name none
                String codes = k == 0 && d % 2 == 0 ? dom.code() : "";
                needs.add(new Need(dom.id() + "-" + (k + 1), dom.needs().get(k), codes, inns));
            }
        }
        return new Output(orgs, offers, needs);
    }

    /** A 10-digit INN: tax region 99, office 00 (none is real), a 5-digit serial, the check digit. */
    static String inn(int serial) {
        String first = String.format("9900%05d", serial);
        return first + Identifiers.innCheckDigit(first);
    }

    /** A 13-digit OGRN of 2015, tax region 99, with its check digit. */
    static String ogrn(int serial) {
        String first = String.format("1159900%05d", serial);
        return first + Identifiers.ogrnCheckDigit(first);
    }

    /** The folder's files by name, as text. */
    static Map<String, String> render() {
        Output f = generate();
        Map<String, String> out = new LinkedHashMap<>();
        StringBuilder o = new StringBuilder("inn,ogrn,name,type,okved,region\n");
        for (List<String> r : f.organisations()) o.append(csv(r));
        out.put("organisations.csv", o.toString());
        out.put("clusters.csv", "cluster,name,type,regions,specialisation,specialised_organisation\n"
                + "Q-MACH,Quality set cluster (SYNTHETIC),industrial,RU-SAM,28.41,\n");
        out.put("memberships.csv", "cluster,inn,joined,left\nQ-MACH," + f.organisations().get(0).get(0) + ",2020-01-01,\n");
        out.put("contracts.csv", "cluster,supplier,buyer,type,year,value\n");
        out.put("facts.csv", "inn,year,output,purchases\n");
        StringBuilder c = new StringBuilder("inn,kind,text,codes\n");
        for (List<String> r : f.offers()) c.append(csv(r));
        out.put("offers.csv", c.toString());
        StringBuilder n = new StringBuilder("id,text,codes,relevant\n");
        for (Need x : f.needs()) n.append(csv(List.of(x.id(), x.text(), x.codes(), String.join(";", x.relevant()))));
        out.put("needs.csv", n.toString());
        return out;
    }

    private static String csv(List<String> cells) {
        List<String> q = new ArrayList<>();
        for (String s : cells) q.add(s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
        return String.join(",", q) + "\n";
    }

    /** Writes the folder: {@code MatchQualitySet DIR}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        java.nio.file.Files.createDirectories(dir);
        for (Map.Entry<String, String> e : render().entrySet()) {
            java.nio.file.Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
    }
}
