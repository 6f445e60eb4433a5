/**
 * Word lists for the demo data: Pakistani names by region, cities with their districts and
 * CNIC locality prefixes, sectors, training tracks, employers, mentors' organisations and
 * diaspora cities with their IANA time zones. Weights are rough shares, not statistics.
 */
import type { Sector } from '../../shared/records/startups.js';
import type { Weighted } from './random.js';

// prettier-ignore
export const MALE_FIRST_NAMES: Weighted<string> = [
  ['Ali', 6], ['Ahmed', 5], ['Hassan', 4], ['Hussain', 3], ['Usman', 4], ['Bilal', 3], ['Hamza', 4], ['Omar', 2],
  ['Abdullah', 3], ['Zain', 2], ['Fahad', 2], ['Imran', 2], ['Kamran', 2], ['Faisal', 2], ['Asad', 2], ['Saad', 2],
  ['Haris', 2], ['Talha', 2], ['Junaid', 2], ['Shahzaib', 1], ['Waqas', 2], ['Adeel', 1], ['Danish', 1], ['Farhan', 2],
  ['Salman', 2], ['Shoaib', 1], ['Owais', 1], ['Rizwan', 2], ['Tariq', 1], ['Naveed', 1], ['Sohail', 1], ['Arslan', 2],
  ['Awais', 2], ['Taimur', 1], ['Zubair', 1], ['Yasir', 1], ['Nabeel', 1], ['Mustafa', 2], ['Ibrahim', 2], ['Aamir', 1],
  ['Babar', 1], ['Jawad', 1], ['Kashif', 1], ['Umair', 2], ['Moiz', 1], ['Sarmad', 1], ['Shahid', 1], ['Waleed', 1],
  ['Zeeshan', 2], ['Sikandar', 1], ['Noman', 1], ['Irfan', 1], ['Qasim', 1], ['Fawad', 1], ['Hammad', 1], ['Rehan', 1],
  ['Adnan', 1], ['Wajahat', 1], ['Sher', 1], ['Aftab', 1], ['Khurram', 1], ['Mohsin', 1], ['Shehryar', 1], ['Zohaib', 1],
  ['Ayaz', 1], ['Daud', 1], ['Ehsan', 1], ['Gul', 1], ['Jahangir', 1], ['Obaid', 1], ['Raheel', 1], ['Sajid', 1],
];

// prettier-ignore
export const FEMALE_FIRST_NAMES: Weighted<string> = [
  ['Ayesha', 5], ['Fatima', 5], ['Zainab', 3], ['Maryam', 4], ['Hira', 3], ['Sana', 3], ['Mahnoor', 3], ['Amna', 3],
  ['Iqra', 3], ['Sidra', 2], ['Rabia', 2], ['Areeba', 2], ['Alishba', 2], ['Alina', 2], ['Aliya', 1], ['Anum', 2],
  ['Bushra', 1], ['Komal', 2], ['Mehwish', 1], ['Nimra', 2], ['Saba', 1], ['Sadia', 1], ['Samina', 1], ['Tehreem', 1],
  ['Urooj', 1], ['Warda', 1], ['Zara', 2], ['Hafsa', 2], ['Khadija', 2], ['Laiba', 2], ['Maham', 1], ['Nida', 1],
  ['Rida', 1], ['Shiza', 1], ['Sundas', 1], ['Tooba', 1], ['Uzma', 1], ['Yusra', 1], ['Ammara', 1], ['Farah', 1],
  ['Javeria', 1], ['Kinza', 1], ['Madiha', 1], ['Naila', 1], ['Rimsha', 2], ['Sehrish', 1], ['Shazia', 1], ['Zoya', 1],
  ['Aiman', 1], ['Fiza', 1], ['Huma', 1], ['Kiran', 1], ['Noor', 2], ['Sobia', 1], ['Benish', 1], ['Gulalai', 1],
  ['Palwasha', 1], ['Mehreen', 1], ['Saima', 1], ['Aqsa', 2], ['Eman', 1], ['Hania', 1],
];

export const NATIONAL_FAMILY_NAMES: readonly string[] = [
  'Khan',
  'Ahmed',
  'Ali',
  'Hussain',
  'Malik',
  'Qureshi',
  'Siddiqui',
  'Sheikh',
  'Raza',
  'Iqbal',
  'Akhtar',
  'Javed',
  'Baig',
  'Mirza',
  'Hashmi',
  'Ansari',
  'Farooqui',
  'Naqvi',
  'Zaidi',
  'Rizvi',
  'Kazmi',
  'Jafri',
  'Shah',
  'Abbasi',
  'Aslam',
  'Anwar',
  'Saeed',
  'Rehman',
  'Haider',
  'Mahmood',
  'Nawaz',
  'Riaz',
  'Tariq',
  'Yousaf',
  'Zafar',
  'Bashir',
  'Rashid',
];

export type Region = 'sindh' | 'punjab' | 'capital' | 'kp' | 'balochistan' | 'gb' | 'ajk';

// prettier-ignore
export const REGIONAL_FAMILY_NAMES: Record<Region, readonly string[]> = {
  sindh: ['Memon', 'Soomro', 'Shaikh', 'Jatoi', 'Bhutto', 'Junejo', 'Talpur', 'Mangi', 'Abro', 'Chandio', 'Lakho', 'Usmani', 'Khanzada', 'Agha', 'Baloch'],
  punjab: ['Butt', 'Chaudhry', 'Cheema', 'Bhatti', 'Gondal', 'Warraich', 'Bajwa', 'Virk', 'Sandhu', 'Rana', 'Rajput', 'Awan', 'Mughal', 'Arain', 'Gujjar', 'Khokhar', 'Sial', 'Gilani', 'Bosan'],
  capital: ['Abbasi', 'Kiani', 'Satti', 'Janjua', 'Raja', 'Awan', 'Malik', 'Qureshi', 'Mughal'],
  kp: ['Afridi', 'Khattak', 'Yousafzai', 'Mohmand', 'Bangash', 'Durrani', 'Orakzai', 'Shinwari', 'Khalil', 'Wazir', 'Swati', 'Tanoli', 'Gandapur', 'Kundi'],
  balochistan: ['Baloch', 'Kakar', 'Achakzai', 'Marri', 'Bugti', 'Mengal', 'Raisani', 'Jamali', 'Rind', 'Tareen', 'Mandokhel', 'Zehri'],
  gb: ['Baig', 'Hunzai', 'Shigri', 'Nagri', 'Karim', 'Amin', 'Jan', 'Rahim'],
  ajk: ['Abbasi', 'Mughal', 'Awan', 'Rathore', 'Sudhan', 'Raja', 'Chughtai', 'Mir', 'Dar', 'Lone', 'Kashmiri'],
};

export interface District {
  name: string;
  /** The first five digits of CNICs issued there (province digit first). */
  cnicPrefix: string;
}

export interface City {
  name: string;
  region: Region;
  /** Rough share of trainees from this city. */
  weight: number;
  districts: readonly District[];
  /**
   * False where the shared CNIC rule (province digit 1–7) refuses the locality's real
   * prefix: Azad Kashmir's CNICs begin with 8, so no trainees are seeded there.
   */
  trainees: boolean;
}

export const CITIES: readonly City[] = [
  {
    name: 'Karachi',
    region: 'sindh',
    weight: 22,
    trainees: true,
    districts: [
      { name: 'Karachi South', cnicPrefix: '42201' },
      { name: 'Karachi East', cnicPrefix: '42101' },
      { name: 'Karachi Central', cnicPrefix: '42301' },
      { name: 'Karachi West', cnicPrefix: '42401' },
      { name: 'Malir', cnicPrefix: '42501' },
      { name: 'Korangi', cnicPrefix: '42601' },
      { name: 'Keamari', cnicPrefix: '42701' },
    ],
  },
  { name: 'Lahore', region: 'punjab', weight: 17, trainees: true, districts: [{ name: 'Lahore', cnicPrefix: '35202' }] },
  { name: 'Islamabad', region: 'capital', weight: 8, trainees: true, districts: [{ name: 'Islamabad', cnicPrefix: '61101' }] },
  { name: 'Rawalpindi', region: 'capital', weight: 7, trainees: true, districts: [{ name: 'Rawalpindi', cnicPrefix: '37405' }] },
  { name: 'Peshawar', region: 'kp', weight: 7, trainees: true, districts: [{ name: 'Peshawar', cnicPrefix: '17301' }] },
  { name: 'Quetta', region: 'balochistan', weight: 4, trainees: true, districts: [{ name: 'Quetta', cnicPrefix: '54400' }] },
  { name: 'Multan', region: 'punjab', weight: 6, trainees: true, districts: [{ name: 'Multan', cnicPrefix: '36302' }] },
  { name: 'Faisalabad', region: 'punjab', weight: 8, trainees: true, districts: [{ name: 'Faisalabad', cnicPrefix: '33100' }] },
  { name: 'Hyderabad', region: 'sindh', weight: 6, trainees: true, districts: [{ name: 'Hyderabad', cnicPrefix: '41303' }] },
  { name: 'Sialkot', region: 'punjab', weight: 4, trainees: true, districts: [{ name: 'Sialkot', cnicPrefix: '34603' }] },
  { name: 'Gilgit', region: 'gb', weight: 1, trainees: true, districts: [{ name: 'Gilgit', cnicPrefix: '71501' }] },
  { name: 'Muzaffarabad', region: 'ajk', weight: 1, trainees: false, districts: [{ name: 'Muzaffarabad', cnicPrefix: '82203' }] },
];

/** Mobile network codes: Jazz 300–309 and 320–325, Zong 310–318, Ufone 330–336, Telenor 340–349. */
// prettier-ignore
export const MOBILE_CODES: readonly number[] = [
  ...range(300, 309), ...range(310, 318), ...range(320, 325), ...range(330, 336), ...range(340, 349),
];

// prettier-ignore
export const EMAIL_DOMAINS: Weighted<string> = [
  ['gmail.com', 70], ['yahoo.com', 10], ['outlook.com', 8], ['hotmail.com', 7], ['icloud.com', 2], ['live.com', 3],
];

export interface Diaspora {
  city: string;
  country: string;
  timeZone: string;
  /** Country calling code and a mobile prefix, for a plausible number. */
  phone: { country: string; prefixes: readonly string[]; digits: number };
  organisations: readonly string[];
}

// prettier-ignore
export const DIASPORA: readonly Diaspora[] = [
  { city: 'London', country: 'United Kingdom', timeZone: 'Europe/London', phone: { country: '44', prefixes: ['74', '75', '77', '78', '79'], digits: 8 }, organisations: ['Barclays', 'HSBC', 'Revolut', 'Wise', 'Deliveroo', 'Imperial College London'] },
  { city: 'Dubai', country: 'United Arab Emirates', timeZone: 'Asia/Dubai', phone: { country: '971', prefixes: ['50', '52', '55', '56'], digits: 7 }, organisations: ['Careem', 'noon', 'Emirates NBD', 'Dubai Future Foundation', 'Property Finder'] },
  { city: 'Toronto', country: 'Canada', timeZone: 'America/Toronto', phone: { country: '1', prefixes: ['416', '647', '437'], digits: 7 }, organisations: ['Shopify', 'RBC', 'TD Bank', 'University of Toronto', 'Wealthsimple'] },
  { city: 'Riyadh', country: 'Saudi Arabia', timeZone: 'Asia/Riyadh', phone: { country: '966', prefixes: ['50', '53', '54', '55', '56'], digits: 7 }, organisations: ['stc', 'Tamara', 'Jahez', 'Saudi Aramco', 'Monsha\'at'] },
  { city: 'San Francisco', country: 'United States', timeZone: 'America/Los_Angeles', phone: { country: '1', prefixes: ['415', '628'], digits: 7 }, organisations: ['Google', 'Stripe', 'Salesforce', 'Uber', 'Airbnb'] },
];

export const LOCAL_MENTOR_ORGANISATIONS: readonly string[] = [
  'LUMS',
  'NUST',
  'IBA Karachi',
  'FAST-NUCES',
  'Aga Khan University',
  'Systems Limited',
  'Engro Corporation',
  'Jazz',
  'Habib Bank Limited',
  'Meezan Bank',
  'Karandaaz Pakistan',
  'Sarmayacar',
  'Indus Valley Capital',
  'Zayn Capital',
  'i2i Ventures',
  'Arbisoft',
  '10Pearls',
  'NetSol Technologies',
  'TPL Corp',
  'Interloop',
];

export const MENTOR_EXPERTISE: readonly string[] = [
  'fundraising',
  'pitching',
  'go-to-market',
  'b2b-sales',
  'product-management',
  'ux',
  'marketing',
  'growth',
  'pricing',
  'unit-economics',
  'financial-modelling',
  'legal',
  'secp-compliance',
  'tax',
  'hiring',
  'export',
  'supply-chain',
  'manufacturing',
  'agriculture',
  'fintech-regulation',
  'payments',
  'ai',
  'cloud',
  'cybersecurity',
  'healthcare',
  'education',
  'impact-measurement',
  'gender-lens-investing',
  'e-commerce',
  'operations',
];

export const MENTOR_AVAILABILITY: readonly string[] = [
  'Weekday evenings after 6 pm',
  'Saturday mornings',
  'Two hours a week, online',
  'First Monday of the month',
  'Tuesdays and Thursdays, 4–6 pm',
  'By appointment',
  'Fridays after Jummah',
];

export interface SectorWords {
  sector: Sector;
  weight: number;
  stems: readonly string[];
  descriptions: readonly string[];
}

// prettier-ignore
export const SECTORS: readonly SectorWords[] = [
  { sector: 'fintech', weight: 14, stems: ['Paisa', 'Khata', 'Raqam', 'Sarmaya', 'Bachat', 'Qarz', 'Hisaab', 'Tijori'], descriptions: ['Digital khata and payments for kiryana stores in {city}.', 'Micro-savings and committee (BC) management on mobile wallets.', 'Payroll advances for factory workers, repaid from salary.'] },
  { sector: 'agritech', weight: 10, stems: ['Kisan', 'Fasal', 'Zarai', 'Khet', 'Mandi', 'Beej', 'Kheti', 'Dehqan'], descriptions: ['Connects smallholder farmers around {city} with buyers at fair mandi prices.', 'Soil testing and crop advice by SMS in Urdu, Punjabi and Sindhi.', 'Cold-chain storage for fruit and vegetable growers.'] },
  { sector: 'healthtech', weight: 9, stems: ['Sehat', 'Dawa', 'Marham', 'Shifa', 'Tabeeb', 'Nabz', 'Sukoon'], descriptions: ['Teleconsultations with women doctors for patients outside {city}.', 'Medicine delivery and prescription reminders for chronic patients.', 'Lab test booking with home sample collection.'] },
  { sector: 'edtech', weight: 10, stems: ['Ilm', 'Taleem', 'Sabaq', 'Parhai', 'Ustad', 'Kitab', 'Danish'], descriptions: ['Matric and FSc exam preparation in Urdu with video lessons.', 'Coding classes for girls in government schools.', 'Teacher training and lesson plans for low-cost private schools.'] },
  { sector: 'e-commerce', weight: 9, stems: ['Dukaan', 'Bazaar', 'Sauda', 'Khareed', 'Thela', 'Mela'], descriptions: ['Online storefronts for home-based women sellers in {city}.', 'Wholesale ordering for small retailers, delivered next day.', 'Handicrafts from artisans sold to buyers abroad.'] },
  { sector: 'logistics', weight: 7, stems: ['Raasta', 'Safar', 'Rahguzar', 'Manzil', 'Load', 'Sawari'], descriptions: ['Matches truck owners with loads between {city} and the ports.', 'Same-day parcel delivery by motorbike riders.', 'Fleet tracking and fuel management for transporters.'] },
  { sector: 'cleantech', weight: 5, stems: ['Roshni', 'Suraj', 'Hawa', 'Saaf', 'Pani', 'Sabz'], descriptions: ['Pay-as-you-go solar kits for shops and homes off the grid.', 'Water filtration units for schools and clinics.', 'Recycling plastic waste from {city} into building material.'] },
  { sector: 'ai', weight: 7, stems: ['Fikr', 'Soch', 'Zehn', 'Aql', 'Nazar', 'Baseerat'], descriptions: ['Urdu speech recognition for call centres.', 'Computer vision for quality checks on textile lines.', 'Document reading and data entry for banks.'] },
  { sector: 'saas', weight: 9, stems: ['Daftar', 'Nizam', 'Hisaab', 'Intezam', 'Rozgar', 'Qalam'], descriptions: ['Inventory and invoicing for distributors, FBR-compliant.', 'HR and attendance for factories in {city}.', 'School management software with fee collection.'] },
  { sector: 'media', weight: 4, stems: ['Awaz', 'Kahani', 'Manzar', 'Rang', 'Sur'], descriptions: ['Urdu podcasts and audio stories.', 'Short videos on local history and food from {city}.'] },
  { sector: 'social-impact', weight: 5, stems: ['Umeed', 'Khidmat', 'Saath', 'Madad', 'Haq'], descriptions: ['Jobs and skills for persons with disabilities.', 'Microgrants and mentoring for women entrepreneurs in {city}.'] },
  { sector: 'tourism', weight: 3, stems: ['Sair', 'Musafir', 'Pahar', 'Wadi', 'Darya'], descriptions: ['Guided trips to the northern areas with local hosts.', 'Homestays in Hunza, Skardu and Swat.'] },
  { sector: 'manufacturing', weight: 4, stems: ['Karigar', 'Hunar', 'Kaarkhana', 'Fauladi', 'Dastkar'], descriptions: ['Contract manufacturing of surgical instruments in Sialkot.', 'Small-batch garment production for online brands.'] },
  { sector: 'other', weight: 2, stems: ['Naya', 'Jugaad', 'Aasaan', 'Pakka'], descriptions: ['Home services booking: plumbers, electricians and AC repair.'] },
];

export const STARTUP_SUFFIXES: readonly string[] = [
  'Pay',
  'Tech',
  'Labs',
  'Hub',
  'AI',
  'Mart',
  'Connect',
  'Link',
  'Go',
  'Box',
  'Works',
  'Cloud',
  'Plus',
  'Wala',
  'Net',
  'ly',
];

export const FOUNDER_ROLES: readonly string[] = ['CEO', 'CTO', 'COO', 'CPO', 'Head of Growth', 'CFO'];

export const FUNDING_SOURCES: readonly string[] = [
  'Angel investors',
  'Ignite National Technology Fund',
  'Venture capital',
  'Friends and family',
  'Bank loan',
  'Accelerator grant',
  'Revenue-based financing',
  "Prime Minister's Youth Loan Scheme",
];

export const MILESTONE_TITLES: readonly string[] = [
  'Launch MVP',
  'First paying customer',
  'Incorporate with SECP',
  'Register with PSEB',
  'Close pre-seed round',
  'Reach 1,000 active users',
  'Hire first engineer',
  'Sign first enterprise pilot',
  'Ship first export order',
  'Break even on monthly costs',
  'Launch Android app',
  'Get NTN from FBR',
  'Open second city',
  'Apply to SBP sandbox',
];

export interface Track {
  programme: string;
  certificate: string;
  weight: number;
  skills: readonly string[];
}

// prettier-ignore
export const TRAINING_TRACKS: readonly Track[] = [
  { programme: 'Freelancing Essentials', certificate: 'Certified Freelancer', weight: 22, skills: ['freelancing', 'upwork', 'fiverr', 'content-writing', 'seo', 'graphic-design', 'wordpress', 'virtual-assistance'] },
  { programme: 'Full-Stack Web Development', certificate: 'Full-Stack Web Developer', weight: 18, skills: ['html', 'css', 'javascript', 'typescript', 'react', 'node.js', 'laravel', 'php', 'mysql', 'git'] },
  { programme: 'Data Science and AI', certificate: 'Data Analyst (Associate)', weight: 14, skills: ['python', 'sql', 'pandas', 'power-bi', 'excel', 'machine-learning', 'tensorflow', 'data-analysis'] },
  { programme: 'Cloud and DevOps', certificate: 'Cloud Practitioner', weight: 10, skills: ['aws', 'azure', 'linux', 'docker', 'kubernetes', 'terraform', 'devops', 'networking'] },
  { programme: 'Digital Marketing', certificate: 'Digital Marketing Specialist', weight: 14, skills: ['digital-marketing', 'seo', 'social-media', 'google-ads', 'meta-ads', 'copywriting', 'analytics', 'email-marketing'] },
  { programme: 'Mobile App Development', certificate: 'Mobile App Developer', weight: 9, skills: ['flutter', 'dart', 'kotlin', 'android', 'swift', 'react-native', 'firebase'] },
  { programme: 'Cyber Security', certificate: 'Cyber Security Analyst', weight: 6, skills: ['cybersecurity', 'networking', 'linux', 'penetration-testing', 'soc', 'siem', 'ethical-hacking'] },
  { programme: 'UI/UX Design', certificate: 'UI/UX Designer', weight: 7, skills: ['ui-ux', 'figma', 'adobe-xd', 'prototyping', 'user-research', 'illustrator'] },
];

export const GENERAL_SKILLS: readonly string[] = [
  'english',
  'communication',
  'ms-office',
  'excel',
  'project-management',
  'urdu-typing',
];

export const EMPLOYERS: readonly string[] = [
  'Systems Limited',
  'NetSol Technologies',
  '10Pearls',
  'Arbisoft',
  'Folio3',
  'VentureDive',
  'Techlogix',
  'Contour Software',
  'i2c Inc.',
  'Afiniti',
  'Careem',
  'Bazaar Technologies',
  'Jazz',
  'Telenor Pakistan',
  'Habib Bank Limited',
  'Meezan Bank',
  'TPS Worldwide',
  'Mindstorm Studios',
  'Cubix',
  'Devsinc',
  'Xgrid',
  'Emumba',
  'Tkxel',
  'Confiz',
  'Ebryx',
  'Motive',
];

export const FREELANCE_PLATFORMS: readonly string[] = ['Upwork', 'Fiverr', 'Freelancer.com', 'Toptal', 'PeoplePerHour'];

export const SESSION_TOPICS: readonly string[] = [
  'fundraising',
  'pitch-deck',
  'go-to-market',
  'pricing',
  'product-roadmap',
  'hiring',
  'customer-discovery',
  'unit-economics',
  'financial-model',
  'legal-structure',
  'marketing',
  'partnerships',
  'export',
  'investor-updates',
  'team',
  'compliance',
  'ux-review',
];

export const SESSION_NOTES: readonly string[] = [
  "Reviewed last month's numbers; churn is up and the founders will call every lost customer.",
  'Walked through the pitch deck slide by slide; the market size slide needs local data.',
  'Discussed pricing for the enterprise tier and a pilot discount for the first three clients.',
  'The team is stretched; agreed to hire one engineer before taking new projects.',
  'Went through the SECP and FBR registrations and what the investors will ask for.',
  'Mapped the customer journey; onboarding takes too long on low-end phones.',
  'Planned the approach to two angel investors met at the demo day.',
  'Talked through export paperwork and payment terms for the first overseas buyer.',
];

export const ACTION_ITEMS: readonly string[] = [
  'Interview ten customers in {city}',
  "Update the financial model with this quarter's numbers",
  'Send the revised pitch deck',
  'Register with PSEB',
  'File the SECP annual return',
  'Get an NTN from FBR',
  'Draft an employee stock option plan',
  'Prepare a one-page investor update',
  'Set up a pilot with {employer}',
  'Fix the onboarding drop-off in the app',
  'Apply to the Ignite National Technology Fund',
  'Shortlist three CTO candidates',
  'Calculate customer acquisition cost by channel',
  'Translate the app into Urdu',
  'Register the trademark with IPO Pakistan',
  'Write a data protection policy',
  'Book a stall at ITCN Asia',
];

export const INCUBATION_PROGRAMME = 'Startup Incubation Programme';

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
