import { createPiiCipher, maskName, maskPhone, maskResidentId, parsePiiKeyring } from '@edugraph/auth';
import type { PiiCipher } from '@edugraph/auth';
import { ConfigError } from '@edugraph/platform';
import type { ApplicationForm, DocumentRecord, StoredApplication } from '../domain/application/index.ts';

/** The enrollment service's cipher; personal data cannot be stored without its keys. */
export function enrollmentCipher(keyring: string | undefined): PiiCipher {
  if (!keyring) throw new ConfigError('enrollment: EDUGRAPH_PII_KEYS is required: children’s personal data is encrypted at rest (see .env.example).');
  return createPiiCipher(parsePiiKeyring(keyring));
}

/** Blind-index purpose of a child's resident ID. */
export const CHILD_ID_INDEX = 'enrollment.child.resident-id';

type Transform = (value: string) => string;

function mapForm(form: ApplicationForm, f: Transform): ApplicationForm {
  return {
    ...form,
    child: { ...form.child, name: f(form.child.name), residentId: f(form.child.residentId) },
    guardians: form.guardians.map((g) => ({ ...g, name: f(g.name), residentId: f(g.residentId), phone: f(g.phone) })),
  };
}

const mapDocuments = (documents: readonly DocumentRecord[], f: Transform): DocumentRecord[] => documents.map((d) => ({ ...d, number: f(d.number) }));

/** What is stored: every name, resident ID, phone and document number encrypted. */
export function seal(application: StoredApplication, cipher: PiiCipher): Record<string, unknown> {
  const f = (v: string) => cipher.encrypt(v);
  return { ...application, form: mapForm(application.form, f), documents: mapDocuments(application.documents, f) } as unknown as Record<string, unknown>;
}

/** The domain's application from what is stored. */
export function unseal(stored: Record<string, unknown>, cipher: PiiCipher): StoredApplication {
  const sealed = stored as unknown as StoredApplication;
  const f = (v: string) => cipher.decrypt(v);
  return { ...sealed, form: mapForm(sealed.form, f), documents: mapDocuments(sealed.documents, f) };
}

/** What anyone but the owner's audited read sees: masked values. */
export function maskedPeople(form: ApplicationForm) {
  return {
    child: { name: maskName(form.child.name), residentId: maskResidentId(form.child.residentId), birthDate: form.child.birthDate, sex: form.child.sex },
    guardians: form.guardians.map((g) => ({ name: maskName(g.name), residentId: maskResidentId(g.residentId), phone: maskPhone(g.phone), relation: g.relation })),
  };
}

export const maskDocumentNumber = (number: string) => (number.length <= 4 ? '*'.repeat(number.length) : `${'*'.repeat(Math.min(number.length - 4, 8))}${number.slice(-4)}`);
