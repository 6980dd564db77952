import type { PatientHistory } from '@unitwise/rules';
import { type Selectable, sql } from 'kysely';
import type { PatientsTable } from '../db/schema.ts';
import type { Address, NewPatient, Patient, PatientRepository, ReferringProvider, Sex } from '../types.ts';
import { affected, fromJson, newId, type RepoContext, toJson } from './context.ts';
import { decodeCursor, pageLimit, toPage } from './pagination.ts';

/** Row to domain object. */
function toPatient(row: Selectable<PatientsTable>): Patient {
  let address: Address | null = null;
  if (row.address_line1 !== null) {
    address = {
      line1: row.address_line1,
      city: row.city ?? '',
      state: row.state ?? '',
      postalCode: row.postal_code ?? '',
    };
    if (row.address_line2 !== null) address.line2 = row.address_line2;
  }
  return {
    id: row.id,
    clinicId: row.clinic_id,
    firstName: row.first_name,
    lastName: row.last_name,
    birthDate: row.birth_date,
    sex: row.sex as Sex,
    address,
    phone: row.phone,
    externalId: row.external_id,
    primaryTherapistId: row.primary_therapist_id,
    history: fromJson<PatientHistory | null>(row.history, null),
    diagnoses: fromJson<string[]>(row.diagnoses, []),
    referringProvider:
      row.referring_npi === null
        ? null
        : {
            lastName: row.referring_last_name ?? '',
            firstName: row.referring_first_name ?? '',
            npi: row.referring_npi,
          },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Address columns from an address (all null for none). */
function addressColumns(address: Address | null | undefined) {
  return {
    address_line1: address?.line1 ?? null,
    address_line2: address?.line2 ?? null,
    city: address?.city ?? null,
    state: address?.state ?? null,
    postal_code: address?.postalCode ?? null,
  };
}

/** Referring-provider columns (all null for none). */
function referringColumns(r: ReferringProvider | null | undefined) {
  return {
    referring_last_name: r?.lastName ?? null,
    referring_first_name: r?.firstName ?? null,
    referring_npi: r?.npi ?? null,
  };
}

/** Diagnoses as stored: an empty list is kept as null. */
function diagnosesColumn(list: readonly string[] | undefined): string | null {
  return list && list.length > 0 ? JSON.stringify(list) : null;
}

/** `%text%` for LIKE with the wildcards in the text escaped (ESCAPE '\'). */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Patients of a clinic.
 * @param ctx - database and clock
 */
export function patientRepository(ctx: RepoContext): PatientRepository {
  const { db } = ctx;
  const get = async (clinicId: string, patientId: string) => {
    const row = await db
      .selectFrom('patients')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('id', '=', patientId)
      .executeTakeFirst();
    return row && toPatient(row);
  };
  return {
    async create(clinicId, input: NewPatient) {
      const now = ctx.now();
      const row = {
        clinic_id: clinicId,
        id: newId(),
        first_name: input.firstName,
        last_name: input.lastName,
        birth_date: input.birthDate,
        sex: input.sex,
        ...addressColumns(input.address),
        phone: input.phone ?? null,
        external_id: input.externalId ?? null,
        primary_therapist_id: input.primaryTherapistId ?? null,
        history: toJson(input.history),
        diagnoses: diagnosesColumn(input.diagnoses),
        ...referringColumns(input.referringProvider),
        created_at: now,
        updated_at: now,
      };
      await db.insertInto('patients').values(row).execute();
      return toPatient(row);
    },

    get,

    async list(clinicId, query) {
      const limit = pageLimit(query);
      const after = decodeCursor(query?.cursor, 3);
      let q = db.selectFrom('patients').selectAll().where('clinic_id', '=', clinicId);
      const search = query?.search?.trim();
      if (search) {
        const pattern = likePattern(search);
        // lower() on both sides: SQLite LIKE and PostgreSQL LIKE differ on case; this behaves the same on both.
        q = q.where((eb) =>
          eb.or([
            sql<boolean>`lower(first_name) like ${pattern} escape '\\'`,
            sql<boolean>`lower(last_name) like ${pattern} escape '\\'`,
            sql<boolean>`lower(first_name || ' ' || last_name) like ${pattern} escape '\\'`,
            eb('external_id', '=', search),
          ]),
        );
      }
      if (query?.primaryTherapistId) q = q.where('primary_therapist_id', '=', query.primaryTherapistId);
      if (after) {
        q = q.where((eb) =>
          eb(
            eb.refTuple('last_name', 'first_name', 'id'),
            '>',
            eb.tuple(String(after[0]), String(after[1]), String(after[2])),
          ),
        );
      }
      const rows = await q
        .orderBy('last_name')
        .orderBy('first_name')
        .orderBy('id')
        .limit(limit + 1)
        .execute();
      return toPage(rows, limit, (r) => [r.last_name, r.first_name, r.id], toPatient);
    },

    async update(clinicId, patientId, patch) {
      const set: Partial<PatientsTable> = { updated_at: ctx.now() };
      if (patch.firstName !== undefined) set.first_name = patch.firstName;
      if (patch.lastName !== undefined) set.last_name = patch.lastName;
      if (patch.birthDate !== undefined) set.birth_date = patch.birthDate;
      if (patch.sex !== undefined) set.sex = patch.sex;
      if (patch.address !== undefined) Object.assign(set, addressColumns(patch.address));
      if (patch.phone !== undefined) set.phone = patch.phone;
      if (patch.externalId !== undefined) set.external_id = patch.externalId;
      if (patch.primaryTherapistId !== undefined) set.primary_therapist_id = patch.primaryTherapistId;
      if (patch.history !== undefined) set.history = toJson(patch.history);
      if (patch.diagnoses !== undefined) set.diagnoses = diagnosesColumn(patch.diagnoses);
      if (patch.referringProvider !== undefined) Object.assign(set, referringColumns(patch.referringProvider));
      const r = await db
        .updateTable('patients')
        .set(set)
        .where('clinic_id', '=', clinicId)
        .where('id', '=', patientId)
        .executeTakeFirst();
      const patient = affected(r) > 0 ? await get(clinicId, patientId) : undefined;
      return patient ? { ok: true, value: patient } : { ok: false, reason: 'not-found' };
    },
  };
}
