import { z } from 'zod';
import { AppError, optionalTextInput, parseInput, textInput } from '@edugraph/platform';
import { newId } from '@edugraph/persistence';
import { DOCUMENT_KINDS } from '../domain/application/index.ts';
import type { DocumentKind } from '../domain/placement/index.ts';
import { requireAdmissions } from './admissions-access.ts';
import { requireOwner } from './application-access.ts';
import { changeApplication } from './application-change.ts';
import type { EnrollmentContext } from './application-change.ts';
import { toApplicationView } from './application.view.ts';
import type { ApplicationView } from './application.view.ts';

const documentInput = z.object({
  type: z.enum(DOCUMENT_KINDS as [DocumentKind, ...DocumentKind[]]),
  number: textInput({ max: 60, form: 'NFKC' }),
  issuer: textInput({ max: 100 }),
  validUntil: z.string().nullish(),
});

const view = async (change: ReturnType<typeof changeApplication>): Promise<ApplicationView> => {
  const { row, application } = await change;
  return toApplicationView(row, application);
};

/** The guardian lists a document handed in (its number is stored encrypted). */
export function addDocument(ctx: EnrollmentContext, applicationId: string, raw: z.input<typeof documentInput>): Promise<ApplicationView> {
  const input = parseInput(documentInput, raw);
  return view(
    changeApplication(ctx, applicationId, {
      authorize: (row) => requireOwner(ctx.actor, row.guardianId, 'add documents'),
      command: () => ({
        type: 'addDocument',
        today: ctx.today,
        document: { id: newId(), kind: input.type, number: input.number, issuer: input.issuer, ...(input.validUntil ? { validUntil: input.validUntil } : {}) },
      }),
    }),
  );
}

/** The admissions office verifies a document, or rejects it with a reason the family can act on. */
export function verifyDocument(ctx: EnrollmentContext, applicationId: string, documentId: string, outcome: 'VERIFIED' | 'REJECTED' | 'PENDING', reason: string | null | undefined): Promise<ApplicationView> {
  const why = parseInput(optionalTextInput({ max: 500, multiline: true }), reason);
  if (outcome === 'PENDING') throw new AppError('BAD_USER_INPUT', 'outcome must be VERIFIED or REJECTED.');
  if (outcome === 'REJECTED' && !why) throw new AppError('REASON_REQUIRED', 'A rejected document needs a reason the family can act on.');
  return view(
    changeApplication(ctx, applicationId, {
      authorize: () => requireAdmissions(ctx.actor, 'verify documents'),
      command: () => (outcome === 'VERIFIED' ? { type: 'verifyDocument', documentId, today: ctx.today } : { type: 'rejectDocument', documentId, reason: why! }),
    }),
  );
}

/** Every correction in one notice (一次性告知). */
export function requestDocumentCorrections(ctx: EnrollmentContext, applicationId: string): Promise<ApplicationView> {
  return view(
    changeApplication(ctx, applicationId, {
      authorize: () => requireAdmissions(ctx.actor, 'request document corrections'),
      command: () => ({ type: 'requestDocumentCorrections' }),
    }),
  );
}

export function resubmitApplication(ctx: EnrollmentContext, applicationId: string): Promise<ApplicationView> {
  return view(
    changeApplication(ctx, applicationId, {
      authorize: (row) => requireOwner(ctx.actor, row.guardianId, 'resubmit an application'),
      command: () => ({ type: 'resubmit' }),
    }),
  );
}
