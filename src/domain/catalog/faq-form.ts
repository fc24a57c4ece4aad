// The back office's FAQ editor: a question, its answer (light markup, as a service's description)
// and its place in the list, checked field by field.

export const faqFormFields = ['question', 'answer', 'sort_order'] as const;
export type FaqFormField = (typeof faqFormFields)[number];
export type FaqFormValues = Partial<Record<FaqFormField, string>>;
export type FaqFormErrors = Partial<Record<FaqFormField, string>>;

export interface FaqEntryFields {
  question: string;
  answer: string;
  sortOrder: number;
}

const LIMITS = { question: 300, answer: 5000, sortOrder: 1_000_000 };

/** The typed values as strings (to show the form again), whatever the body held. */
export function faqFormValues(body: Record<string, unknown>): FaqFormValues {
  const values: FaqFormValues = {};
  for (const field of faqFormFields) {
    const value = body[field];
    if (typeof value === 'string') values[field] = value.slice(0, LIMITS.answer + 100);
  }
  return values;
}

export function parseFaqForm(values: FaqFormValues): { ok: true; entry: FaqEntryFields } | { ok: false; errors: FaqFormErrors } {
  const errors: FaqFormErrors = {};
  const question = (values.question ?? '').replace(/\s+/g, ' ').trim();
  const answer = (values.answer ?? '').replace(/\r\n?/g, '\n').trim();
  const order = (values.sort_order ?? '').trim();
  if (question === '') errors.question = 'Напишите вопрос так, как его задал бы клиент.';
  else if (question.length > LIMITS.question) errors.question = `Не длиннее ${LIMITS.question} символов (сейчас ${question.length}).`;
  if (answer === '') errors.answer = 'Напишите ответ.';
  else if (answer.length > LIMITS.answer) errors.answer = `Не длиннее ${LIMITS.answer} символов (сейчас ${answer.length}).`;
  const sortOrder = order === '' ? 0 : /^-?\d{1,7}$/.test(order) ? Number(order) : NaN;
  if (!Number.isInteger(sortOrder) || Math.abs(sortOrder) > LIMITS.sortOrder) errors.sort_order = 'Целое число, например 10: чем меньше, тем выше вопрос в списке.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, entry: { question, answer, sortOrder } };
}
