/**
 * People and organisations for demo cases: valid and unique resident ID numbers, mobile phones,
 * Muye addresses, organisations with valid credit codes, and a pool of earlier parties so that
 * some citizens come back in a later case (the repeat-dispute check and the search by ID number
 * must find both cases).
 */
import { makeResidentId } from '../../common/domain/identity';
import { OCCUPATIONS, personName } from './names';
import {
  area,
  creditCode,
  homeAddress,
  organisationName,
  pickIdArea,
  streetAddress,
  type Area,
  type Organisation,
  type OrgKind,
} from './places';
import type { Rng } from './prng';

export interface Person {
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  ethnicity: string;
  idNumber: string;
  phone: string;
  address: string;
  occupation: string;
}

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

/** How many distinct organisations of each kind a district has, roughly: beyond it they recur. */
const ORG_CAPS: Readonly<Record<OrgKind, number>> = {
  company: 600,
  property: 18,
  shop: 400,
  hospital: 12,
  agency: 40,
  village: 40,
  factory: 60,
  insurer: 3,
  school: 25,
};

const POOL_SIZE = 4000;

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export class People {
  private readonly issued = new Set<string>();
  private readonly pool: Person[] = [];
  private poolNext = 0;
  private readonly orgsByName = new Map<string, Organisation>();
  private readonly orgsByKind = new Map<OrgKind, Organisation[]>();

  constructor(private readonly rng: Rng) {}

  phone(): string {
    const r = this.rng;
    return r.pick(MOBILE_PREFIXES) + String(r.int(0, 99_999_999)).padStart(8, '0');
  }

  /** Born 1940–2005, most between the late 1950s and the late 1980s. */
  birthDate(minYear = 1940, maxYear = 2005): string {
    const r = this.rng;
    const y = Math.min(maxYear, Math.max(minYear, Math.floor(r.bell(minYear, maxYear + 1))));
    const m = r.int(1, 12);
    const d = r.int(1, daysInMonth(y, m));
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }

  /** A resident ID no other demo person has: a real district would never issue one twice. */
  idNumber(birthDate: string, sex: 'male' | 'female', areaCode: string = pickIdArea(this.rng)): string {
    for (;;) {
      const k = this.rng.int(0, 499);
      const id = makeResidentId(areaCode, birthDate, sex === 'male' ? k * 2 + 1 : k * 2);
      if (!this.issued.has(id)) {
        this.issued.add(id);
        return id;
      }
    }
  }

  person(opts: { area?: Area; unit?: string; minYear?: number; maxYear?: number; keep?: boolean } = {}): Person {
    const r = this.rng;
    const sex = r.chance(0.52) ? 'male' : 'female';
    const { name, ethnicity } = personName(r, sex);
    const birthDate = this.birthDate(opts.minYear, opts.maxYear);
    const a = opts.area ?? area(r);
    const p: Person = {
      name,
      sex,
      birthDate,
      ethnicity,
      idNumber: this.idNumber(birthDate, sex),
      phone: this.phone(),
      address: homeAddress(r, a, opts.unit ?? r.pick(a.units)),
      occupation: birthDate < '1966' && r.chance(0.7) ? '退休' : r.pick(OCCUPATIONS),
    };
    if (opts.keep !== false) this.remember(p);
    return p;
  }

  /** Somebody who was a party before, or null; the caller decides how often to ask. */
  returning(): Person | null {
    if (this.pool.length < 50) return null;
    return this.rng.pick(this.pool);
  }

  private remember(p: Person): void {
    if (this.pool.length < POOL_SIZE) this.pool.push(p);
    else {
      this.pool[this.poolNext] = p;
      this.poolNext = (this.poolNext + 1) % POOL_SIZE;
    }
  }

  /** An organisation of this kind: a new one while the district still has unseen ones, else a known one. */
  org(kind: OrgKind): Organisation {
    const r = this.rng;
    const known = this.orgsByKind.get(kind) ?? [];
    if (known.length > 0 && (known.length >= ORG_CAPS[kind] || r.chance(0.35))) return r.pick(known);
    const { name, prefix } = organisationName(r, kind);
    const existing = this.orgsByName.get(name);
    if (existing) return existing;
    const org: Organisation = {
      kind,
      name,
      creditCode: creditCode(r, prefix, kind === 'insurer' ? '410700' : '410711'),
      legalRepresentative: personName(r, r.chance(0.7) ? 'male' : 'female').name,
      address: streetAddress(r),
      phone: r.chance(0.6) ? `0373-${r.int(2, 7)}${String(r.int(0, 999_999)).padStart(6, '0')}` : this.phone(),
    };
    this.orgsByName.set(name, org);
    known.push(org);
    this.orgsByKind.set(kind, known);
    return org;
  }
}
