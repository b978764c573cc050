/**
 * Name pools and places for the synthetic population: names across cultures (so that name-based
 * rules are exercised on Korean, Chinese, Slavic, Hispanic, South Asian, West African … names, not
 * only English ones), countries with cities, streets, phone formats and the IP ranges whose
 * offline geolocation was checked against @ip-location-db (see the generator test).
 */
export interface Culture {
  name: string;
  given: readonly string[];
  family: readonly string[];
  /** Family name written first (as people of this culture write it in their own documents). */
  familyFirst: boolean;
  countries: readonly string[];
}

export const CULTURES: readonly Culture[] = [
  {
    name: 'anglo',
    given: ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Daniel', 'Emily', 'Matthew', 'Ashley', 'Andrew', 'Megan', 'Ryan', 'Laura', 'Brandon', 'Rachel', 'Kevin', 'Hannah', 'Tyler', 'Olivia'],
    family: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Jackson', 'Martin', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Hill', 'Green', 'Adams', 'Baker', 'Nelson', 'Carter', 'Mitchell', 'Campbell', 'Parker', 'Evans', 'Edwards', 'Collins', 'Stewart', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Cooper', 'Reed', 'Bailey', 'Bell', 'Kelly', 'Howard', 'Ward'],
    familyFirst: false,
    countries: ['us', 'gb', 'ca', 'au'],
  },
  {
    name: 'hispanic',
    given: ['José', 'María', 'Juan', 'Guadalupe', 'Luis', 'Carmen', 'Carlos', 'Ana', 'Jorge', 'Lucía', 'Miguel', 'Sofía', 'Alejandro', 'Valentina', 'Diego', 'Camila', 'Javier', 'Isabel', 'Fernando', 'Paula', 'Ricardo', 'Daniela', 'Andrés', 'Gabriela'],
    family: ['García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Rivera', 'Gómez', 'Díaz', 'Morales', 'Ortiz', 'Gutiérrez', 'Chávez', 'Ramos', 'Ruiz', 'Castillo', 'Jiménez', 'Vargas', 'Romero'],
    familyFirst: false,
    countries: ['mx', 'es', 'ar', 'us'],
  },
  {
    name: 'chinese',
    given: ['Wei', 'Fang', 'Jing', 'Lei', 'Min', 'Jun', 'Yan', 'Hao', 'Xiaoming', 'Lili', 'Jian', 'Ying', 'Tao', 'Mei', 'Qiang', 'Xin', 'Yong', 'Li Na', 'Zhiwei', 'Yuxuan'],
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Lin', 'Gao', 'Luo'],
    familyFirst: true,
    countries: ['cn', 'us', 'ca', 'au'],
  },
  {
    name: 'korean',
    given: ['Min-jun', 'Seo-yeon', 'Ji-ho', 'Ha-eun', 'Jun-seo', 'Ji-woo', 'Hyun-woo', 'Su-bin', 'Dong-hyun', 'Eun-ji', 'Sung-min', 'Yu-na', 'Jae-won', 'Hye-jin', 'Tae-yang', 'Soo-ah'],
    family: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Oh', 'Seo', 'Shin', 'Kwon', 'Hwang'],
    familyFirst: true,
    countries: ['kr', 'us', 'ca'],
  },
  {
    name: 'japanese',
    given: ['Haruto', 'Yui', 'Sota', 'Aoi', 'Yuto', 'Hina', 'Riku', 'Sakura', 'Kaito', 'Mio', 'Takumi', 'Rin', 'Kenji', 'Yuki', 'Hiroshi', 'Akiko'],
    family: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato', 'Yoshida', 'Yamada', 'Sasaki', 'Yamaguchi', 'Matsumoto', 'Inoue'],
    familyFirst: false,
    countries: ['jp', 'us'],
  },
  {
    name: 'south-asian',
    given: ['Aarav', 'Priya', 'Vivaan', 'Ananya', 'Aditya', 'Diya', 'Arjun', 'Isha', 'Rohan', 'Kavya', 'Rahul', 'Neha', 'Vikram', 'Pooja', 'Sanjay', 'Meera', 'Imran', 'Ayesha'],
    family: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Iyer', 'Nair', 'Das', 'Rao', 'Mehta', 'Joshi', 'Khan', 'Chopra', 'Banerjee', 'Menon'],
    familyFirst: false,
    countries: ['in', 'us', 'gb', 'ca'],
  },
  {
    name: 'slavic',
    given: ['Aleksandr', 'Olga', 'Dmitri', 'Natalia', 'Sergei', 'Irina', 'Andriy', 'Oksana', 'Piotr', 'Katarzyna', 'Mikhail', 'Anna', 'Ivan', 'Yulia', 'Tomasz', 'Agnieszka', 'Vladimir', 'Svetlana'],
    family: ['Ivanov', 'Smirnova', 'Petrov', 'Kuznetsova', 'Shevchenko', 'Kovalenko', 'Bondarenko', 'Nowak', 'Kowalski', 'Wiśniewska', 'Popov', 'Sokolova', 'Lebedev', 'Melnyk', 'Zielinski', 'Volkov'],
    familyFirst: false,
    countries: ['ru', 'ua', 'pl', 'de'],
  },
  {
    name: 'vietnamese',
    given: ['Anh', 'Linh', 'Minh', 'Trang', 'Huy', 'Thao', 'Duc', 'Ngoc', 'Tuan', 'Lan', 'Quang', 'Hoa'],
    family: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Phan', 'Vu', 'Dang', 'Bui', 'Do', 'Ho', 'Ngo'],
    familyFirst: true,
    countries: ['vn', 'us'],
  },
  {
    name: 'west-african',
    given: ['Chinedu', 'Ngozi', 'Emeka', 'Adaeze', 'Oluwaseun', 'Funmilayo', 'Ibrahim', 'Aisha', 'Tunde', 'Chiamaka', 'Kwame', 'Abena', 'Segun', 'Yetunde'],
    family: ['Okafor', 'Adeyemi', 'Okonkwo', 'Balogun', 'Eze', 'Nwosu', 'Abubakar', 'Mensah', 'Olawale', 'Ibekwe', 'Adebayo', 'Chukwu'],
    familyFirst: false,
    countries: ['ng', 'gb', 'us'],
  },
  {
    name: 'filipino',
    given: ['Jose', 'Maria', 'Mark', 'Kristine', 'John Paul', 'Angelica', 'Christian', 'Jasmine', 'Rommel', 'Marites', 'Jerome', 'Lovely'],
    family: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Ocampo', 'Garcia', 'Mendoza', 'Torres', 'Aquino', 'Villanueva', 'Dela Cruz', 'Castro'],
    familyFirst: false,
    countries: ['ph', 'us'],
  },
  {
    name: 'western-european',
    given: ['Lukas', 'Emma', 'Jonas', 'Mia', 'Lea', 'Louis', 'Chloé', 'Luca', 'Giulia', 'Sven', 'Anouk', 'Matteo', 'Sophie', 'Pieter', 'Clara', 'Felix'],
    family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Dubois', 'Martin', 'Bernard', 'Rossi', 'Russo', 'Bianchi', 'de Vries', 'Jansen', 'Bakker', 'Wagner', 'Becker'],
    familyFirst: false,
    countries: ['de', 'fr', 'it', 'nl'],
  },
];

export interface Place {
  cities: readonly { city: string; postal: string; zone: string }[];
  streets: readonly string[];
  /** E.164 country calling code and the number of national digits. */
  phone: { code: string; digits: number };
  /** /16 (or /24) prefixes of residential ISPs in this country (checked against the offline geolocation). */
  ipPrefixes: readonly string[];
  iban?: string;
}

export const PLACES: Record<string, Place> = {
  us: {
    cities: [
      { city: 'Austin, TX', postal: '787', zone: 'America/Chicago' },
      { city: 'Columbus, OH', postal: '432', zone: 'America/New_York' },
      { city: 'Phoenix, AZ', postal: '850', zone: 'America/Phoenix' },
      { city: 'Seattle, WA', postal: '981', zone: 'America/Los_Angeles' },
      { city: 'Raleigh, NC', postal: '276', zone: 'America/New_York' },
      { city: 'Denver, CO', postal: '802', zone: 'America/Denver' },
      { city: 'Nashville, TN', postal: '372', zone: 'America/Chicago' },
    ],
    streets: ['Main Street', 'Oak Avenue', 'Maple Drive', 'Cedar Lane', 'Park Road', 'Elm Street', 'Washington Avenue', 'Lakeview Drive', 'Sunset Boulevard', 'Pine Court'],
    phone: { code: '1', digits: 10 },
    ipPrefixes: ['73.15', '24.4', '98.207', '71.202', '67.160'],
  },
  gb: {
    cities: [
      { city: 'Manchester', postal: 'M1', zone: 'Europe/London' },
      { city: 'Leeds', postal: 'LS1', zone: 'Europe/London' },
      { city: 'Bristol', postal: 'BS1', zone: 'Europe/London' },
    ],
    streets: ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Mill Lane', 'Queens Road'],
    phone: { code: '44', digits: 10 },
    ipPrefixes: ['86.128', '2.96', '92.24'],
    iban: 'GB',
  },
  ca: {
    cities: [
      { city: 'Toronto, ON', postal: 'M5V', zone: 'America/Toronto' },
      { city: 'Vancouver, BC', postal: 'V6B', zone: 'America/Vancouver' },
    ],
    streets: ['King Street', 'Queen Street', 'Bloor Street', 'Granville Street', 'Main Street'],
    phone: { code: '1', digits: 10 },
    ipPrefixes: ['174.112', '99.224', '70.48'],
  },
  au: {
    cities: [{ city: 'Sydney, NSW', postal: '2000', zone: 'Australia/Sydney' }, { city: 'Melbourne, VIC', postal: '3000', zone: 'Australia/Melbourne' }],
    streets: ['George Street', 'Collins Street', 'Bourke Street', 'Pitt Street'],
    phone: { code: '61', digits: 9 },
    ipPrefixes: ['1.128', '110.20'],
  },
  mx: {
    cities: [{ city: 'Guadalajara', postal: '44', zone: 'America/Mexico_City' }, { city: 'Monterrey', postal: '64', zone: 'America/Monterrey' }],
    streets: ['Avenida Juárez', 'Calle Hidalgo', 'Avenida Reforma', 'Calle Morelos'],
    phone: { code: '52', digits: 10 },
    ipPrefixes: ['187.140', '189.128'],
  },
  es: {
    cities: [{ city: 'Madrid', postal: '280', zone: 'Europe/Madrid' }, { city: 'Valencia', postal: '460', zone: 'Europe/Madrid' }],
    streets: ['Calle Mayor', 'Gran Vía', 'Calle de Alcalá', 'Avenida del Puerto'],
    phone: { code: '34', digits: 9 },
    ipPrefixes: ['83.32', '88.0'],
    iban: 'ES',
  },
  ar: {
    cities: [{ city: 'Buenos Aires', postal: 'C10', zone: 'America/Argentina/Buenos_Aires' }, { city: 'Córdoba', postal: 'X50', zone: 'America/Argentina/Cordoba' }],
    streets: ['Avenida Corrientes', 'Calle Florida', 'Avenida Santa Fe'],
    phone: { code: '54', digits: 10 },
    ipPrefixes: ['181.0', '190.16'],
  },
  cn: {
    cities: [{ city: 'Shanghai', postal: '200', zone: 'Asia/Shanghai' }, { city: 'Beijing', postal: '100', zone: 'Asia/Shanghai' }, { city: 'Shenyang', postal: '110', zone: 'Asia/Shanghai' }],
    streets: ['Nanjing Road', 'Huaihai Road', 'Chang’an Avenue', 'Zhongshan Road'],
    phone: { code: '86', digits: 11 },
    ipPrefixes: ['114.80', '222.128', '123.112'],
  },
  kr: {
    cities: [{ city: 'Seoul', postal: '04', zone: 'Asia/Seoul' }, { city: 'Busan', postal: '48', zone: 'Asia/Seoul' }],
    streets: ['Teheran-ro', 'Sejong-daero', 'Gangnam-daero', 'Haeundae-ro'],
    phone: { code: '82', digits: 10 },
    ipPrefixes: ['175.192', '121.128'],
  },
  jp: {
    cities: [{ city: 'Tokyo', postal: '100', zone: 'Asia/Tokyo' }, { city: 'Osaka', postal: '530', zone: 'Asia/Tokyo' }],
    streets: ['Chuo-dori', 'Meiji-dori', 'Midosuji', 'Aoyama-dori'],
    phone: { code: '81', digits: 10 },
    ipPrefixes: ['153.128', '126.0', '60.32'],
  },
  in: {
    cities: [{ city: 'Bengaluru', postal: '560', zone: 'Asia/Kolkata' }, { city: 'Pune', postal: '411', zone: 'Asia/Kolkata' }, { city: 'Hyderabad', postal: '500', zone: 'Asia/Kolkata' }],
    streets: ['MG Road', 'Brigade Road', 'FC Road', 'Banjara Hills Road 12'],
    phone: { code: '91', digits: 10 },
    ipPrefixes: ['117.192', '49.36', '106.192'],
  },
  ru: {
    cities: [{ city: 'Moscow', postal: '101', zone: 'Europe/Moscow' }, { city: 'Vladivostok', postal: '690', zone: 'Asia/Vladivostok' }],
    streets: ['Tverskaya ulitsa', 'Leninsky prospekt', 'Svetlanskaya ulitsa', 'Arbat'],
    phone: { code: '7', digits: 10 },
    ipPrefixes: ['95.24', '178.64', '5.136'],
  },
  ua: {
    cities: [{ city: 'Kyiv', postal: '01', zone: 'Europe/Kyiv' }, { city: 'Lviv', postal: '79', zone: 'Europe/Kyiv' }],
    streets: ['Khreshchatyk', 'Shevchenka Avenue', 'Sahaidachnoho Street'],
    phone: { code: '380', digits: 9 },
    ipPrefixes: ['46.211'],
    iban: 'UA',
  },
  pl: {
    cities: [{ city: 'Warsaw', postal: '00', zone: 'Europe/Warsaw' }, { city: 'Kraków', postal: '30', zone: 'Europe/Warsaw' }],
    streets: ['ulica Marszałkowska', 'ulica Floriańska', 'Aleje Jerozolimskie'],
    phone: { code: '48', digits: 9 },
    ipPrefixes: ['83.0', '89.64'],
    iban: 'PL',
  },
  de: {
    cities: [{ city: 'Berlin', postal: '10', zone: 'Europe/Berlin' }, { city: 'Munich', postal: '80', zone: 'Europe/Berlin' }, { city: 'Hamburg', postal: '20', zone: 'Europe/Berlin' }],
    streets: ['Hauptstraße', 'Bahnhofstraße', 'Gartenweg', 'Schillerstraße', 'Lindenallee'],
    phone: { code: '49', digits: 10 },
    ipPrefixes: ['84.128', '91.64', '79.192'],
    iban: 'DE',
  },
  fr: {
    cities: [{ city: 'Lyon', postal: '690', zone: 'Europe/Paris' }, { city: 'Toulouse', postal: '310', zone: 'Europe/Paris' }],
    streets: ['Rue de la République', 'Avenue Jean Jaurès', 'Rue Victor Hugo'],
    phone: { code: '33', digits: 9 },
    ipPrefixes: ['90.0', '86.200', '92.154'],
    iban: 'FR',
  },
  it: {
    cities: [{ city: 'Milan', postal: '201', zone: 'Europe/Rome' }, { city: 'Turin', postal: '101', zone: 'Europe/Rome' }],
    streets: ['Via Roma', 'Corso Vittorio Emanuele', 'Via Garibaldi'],
    phone: { code: '39', digits: 10 },
    ipPrefixes: ['79.0', '93.32'],
    iban: 'IT',
  },
  nl: {
    cities: [{ city: 'Utrecht', postal: '35', zone: 'Europe/Amsterdam' }, { city: 'Rotterdam', postal: '30', zone: 'Europe/Amsterdam' }],
    streets: ['Kerkstraat', 'Dorpsstraat', 'Stationsweg', 'Molenweg'],
    phone: { code: '31', digits: 9 },
    ipPrefixes: ['77.160', '84.24'],
    iban: 'NL',
  },
  vn: {
    cities: [{ city: 'Ho Chi Minh City', postal: '700', zone: 'Asia/Ho_Chi_Minh' }, { city: 'Hanoi', postal: '100', zone: 'Asia/Ho_Chi_Minh' }],
    streets: ['Nguyen Hue', 'Le Loi', 'Tran Hung Dao', 'Hai Ba Trung'],
    phone: { code: '84', digits: 9 },
    ipPrefixes: ['113.160', '14.160'],
  },
  ng: {
    cities: [{ city: 'Lagos', postal: '100', zone: 'Africa/Lagos' }, { city: 'Abuja', postal: '900', zone: 'Africa/Lagos' }],
    streets: ['Allen Avenue', 'Awolowo Road', 'Adeola Odeku Street'],
    phone: { code: '234', digits: 10 },
    ipPrefixes: ['105.112', '197.210'],
  },
  ph: {
    cities: [{ city: 'Quezon City', postal: '11', zone: 'Asia/Manila' }, { city: 'Cebu City', postal: '60', zone: 'Asia/Manila' }],
    streets: ['Rizal Avenue', 'Mabini Street', 'Osmeña Boulevard'],
    phone: { code: '63', digits: 10 },
    ipPrefixes: ['112.198', '120.28'],
  },
};

/** VPN, hosting and anonymity exits (checked: NordVPN/PacketHub, DigitalOcean, Vultr, Linode, Scaleway, Hetzner, Tor). */
export const MASKED_PREFIXES: readonly string[] = ['5.180.63', '159.89.1', '138.68.1', '45.76.1', '172.105.1', '51.15.1', '167.99.1', '95.216.1', '185.220.102'];

/** Where the DPRK's workers are reported to sit (G22, MSMT25): China, Russia, Laos; and the DPRK's own block. */
export const WORKER_LOCATIONS: readonly (readonly [string, number])[] = [
  ['cn', 6],
  ['ru', 3],
  ['la', 1],
];
export const WORKER_IP_PREFIXES: Record<string, readonly string[]> = {
  cn: ['58.16', '113.200', '114.80'],
  ru: ['178.64', '5.136'],
  la: ['115.84.64', '115.84.80', '115.84.96'],
};
