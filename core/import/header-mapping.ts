/**
 * Which column feeds which field, guessed from the header texts. Headers are compared as
 * "keys": lower case, compatibility-normalised, letters and digits only, so "Full Name",
 * "FULL_NAME" and "full-name:" are one header. A key found in a field's list of variants
 * maps with confidence 1; a header that contains a variant ("Trainee Mobile No.") with 0.7.
 * Headers about someone else (father, guardian, emergency contact, reference) map to
 * nothing: "Father Name" and "Father CNIC" are common in Pakistani rosters and must not
 * fill the trainee's own name or CNIC.
 */
import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ColumnMapping, type ImportColumn, type ImportKind } from '../../shared/api/import.js';

/** "Full Name:" → "fullname"; "شناختی کارڈ نمبر" → "شناختیکارڈنمبر". */
export function headerKey(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const PERSON = ['name', 'fullname', 'studentname', 'traineename', 'participantname', 'candidatename', 'applicantname', 'nameofstudent', 'nameoftrainee', 'nameofparticipant', 'نام', 'پورانام', 'طالبعلمکانام'];
const CNIC = ['cnic', 'nic', 'cnicno', 'cnicnumber', 'nicno', 'nicnumber', 'idcard', 'idcardno', 'idcardnumber', 'nationalid', 'nationalidcard', 'nationalidcardno', 'cnicnicop', 'cnicbform', 'شناختیکارڈ', 'شناختیکارڈنمبر', 'شناختیکارڈنمبر'];
const PHONE = ['mobile', 'mobileno', 'mobilenumber', 'phone', 'phoneno', 'phonenumber', 'cell', 'cellno', 'cellnumber', 'contact', 'contactno', 'contactnumber', 'whatsapp', 'whatsappno', 'whatsappnumber', 'موبائل', 'موبائلنمبر', 'فون', 'فوننمبر'];
const EMAIL = ['email', 'emailaddress', 'mail', 'emailid', 'ایمیل'];
const CITY = ['city', 'town', 'cityname', 'شہر'];

/** Variants per field, by kind (keys as made by headerKey). */
const VARIANTS: Record<ImportKind, Record<string, readonly string[]>> = {
  trainees: {
    name: PERSON,
    cnic: CNIC,
    email: EMAIL,
    phone: PHONE,
    gender: ['gender', 'sex', 'جنس'],
    city: CITY,
    district: ['district', 'ضلع'],
    dateOfBirth: ['dob', 'dateofbirth', 'birthdate', 'birthday', 'dateofbirthddmmyyyy', 'تاریخپیدائش'],
    skills: ['skills', 'skill', 'skillset', 'technologies', 'track', 'course', 'مہارت'],
    consent: ['consent', 'agreed', 'agreement', 'permission', 'consentgiven'],
    cohort: ['cohort', 'batch', 'batchno', 'batchname', 'cohortname', 'class', 'بیچ'],
  },
  startups: {
    name: ['startup', 'startupname', 'name', 'company', 'companyname', 'venture', 'business', 'businessname'],
    sector: ['sector', 'industry', 'domain', 'vertical'],
    stage: ['stage', 'status'],
    cohort: ['cohort', 'batch', 'cohortname'],
    foundedOn: ['founded', 'foundedon', 'foundingdate', 'established', 'incorporated', 'incorporationdate', 'dateoffounding'],
    website: ['website', 'url', 'web', 'site', 'websiteurl'],
    description: ['description', 'about', 'summary', 'pitch', 'details'],
    womenLed: ['womenled', 'womanled', 'femaleled', 'femalefounder', 'womenfounder'],
    city: CITY,
    contactEmail: ['contactemail', ...EMAIL],
    contactPhone: ['contactphone', ...PHONE],
    registrationNo: ['registrationno', 'registrationnumber', 'regno', 'secp', 'secpno', 'secpregistration', 'ntn', 'companyregistrationno'],
  },
  mentors: {
    name: ['mentor', 'mentorname', ...PERSON],
    organisation: ['organisation', 'organization', 'company', 'employer', 'org', 'institution'],
    expertise: ['expertise', 'skills', 'areas', 'areasofexpertise', 'domains', 'specialisation', 'specialization'],
    city: CITY,
    country: ['country', 'ملک'],
    timeZone: ['timezone', 'tz', 'zone'],
    email: EMAIL,
    phone: PHONE,
    availability: ['availability', 'available', 'availabletimes'],
  },
  results: {
    cnic: CNIC,
    name: PERSON,
    score: ['score', 'marks', 'obtainedmarks', 'marksobtained', 'percentage', 'totalmarks', 'examscore', 'نمبر'],
    status: ['status', 'result', 'passfail', 'outcome', 'remarks'],
    certificateNo: ['certificateno', 'certno', 'certificatenumber', 'certificate', 'certificateid', 'certificateserial'],
    certificateTitle: ['certificatetitle', 'coursename', 'course', 'title', 'track'],
    issuedOn: ['issuedon', 'issuedate', 'dateofissue', 'certificatedate', 'issued'],
  },
};

/** Headers about another person; a word within the key is enough. */
const SOMEONE_ELSE = ['father', 'guardian', 'husband', 'parent', 'mother', 'emergency', 'reference', 'referee', 'spouse', 'والد', 'سرپرست'];

export interface SuggestedMapping {
  mapping: ColumnMapping;
  confidence: Record<string, number>;
  missing: string[];
}

export function suggestMapping(kind: ImportKind, columns: readonly ImportColumn[]): SuggestedMapping {
  const variants = VARIANTS[kind];
  const candidates: { field: string; column: string; confidence: number; order: number }[] = [];
  for (const column of columns) {
    const key = headerKey(column.header);
    if (!key || SOMEONE_ELSE.some((word) => key.includes(word))) continue;
    IMPORT_FIELDS[kind].forEach((field, order) => {
      const confidence = matchConfidence(key, variants[field] ?? []);
      if (confidence > 0) candidates.push({ field, column: column.key, confidence, order });
    });
  }
  // Surest first; among equals the field listed first (name before contactPhone).
  candidates.sort((a, b) => b.confidence - a.confidence || a.order - b.order);
  const mapping: ColumnMapping = {};
  const confidence: Record<string, number> = {};
  const usedColumns = new Set<string>();
  for (const c of candidates) {
    if (c.field in mapping || usedColumns.has(c.column)) continue;
    mapping[c.field] = c.column;
    confidence[c.field] = c.confidence;
    usedColumns.add(c.column);
  }
  const missing = (REQUIRED_IMPORT_FIELDS[kind] as readonly string[]).filter((f) => !(f in mapping));
  return { mapping, confidence, missing };
}

function matchConfidence(key: string, variants: readonly string[]): number {
  if (variants.includes(key)) return 1;
  // Short variants ("nic", "cell", "org") inside a longer header match too loosely ("clinic").
  const inside = variants.filter((v) => v.length >= 4 && key.includes(v));
  if (inside.length === 0) return 0;
  // The longer the variant relative to the header, the surer the match.
  const longest = Math.max(...inside.map((v) => v.length));
  return Math.round((0.5 + 0.3 * (longest / key.length)) * 100) / 100;
}

/** How many cells of a row look like known headers of any kind (for finding the header row). */
export function knownHeaderCount(texts: readonly string[]): number {
  const all = new Set(Object.values(VARIANTS).flatMap((fields) => Object.values(fields).flat()));
  return texts.filter((t) => all.has(headerKey(t))).length;
}
