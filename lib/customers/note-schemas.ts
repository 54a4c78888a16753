import { z } from "zod";

// Shared by the note form (client) and the note actions (server).

export const NOTE_MAX_LENGTH = 5000;

export const noteBody = z
  .string()
  .trim()
  .min(1, "Write something first.")
  .max(NOTE_MAX_LENGTH, `Keep a note under ${NOTE_MAX_LENGTH.toLocaleString("en")} characters.`);

export const addNoteSchema = z.object({ customerId: z.uuid(), body: noteBody });
export const editNoteSchema = z.object({ customerId: z.uuid(), noteId: z.uuid(), body: noteBody });
export const noteRefSchema = z.object({ customerId: z.uuid(), noteId: z.uuid() });

export type AddNoteInput = z.output<typeof addNoteSchema>;
export type EditNoteInput = z.output<typeof editNoteSchema>;
export type NoteRef = z.output<typeof noteRefSchema>;

/** The note form's one field (the customer and note ids travel separately). */
export const noteFormSchema = z.object({ body: noteBody });
export type NoteFormValues = z.input<typeof noteFormSchema>;
