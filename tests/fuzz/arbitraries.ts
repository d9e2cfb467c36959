import fc from 'fast-check'
import { z } from 'zod'
import { pngWithText } from '../support/sample-files'
import { CONFORM_FIELDS, type Envelope, type FilePart, type Part, RAW_TEMPLATES } from './bodies'

// ---------------------------------------------------------------------------
// Hostile values

export const SNIPPETS = [
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	'\'; DROP TABLE "Case"; --',
	"' OR '1'='1",
	'\u0000',
	'\u202e', // right-to-left override
	'\u200f\u061c', // right-to-left and Arabic letter marks
	'\ufeff',
	'\r\n',
	'\t\v\f\b',
	'%00%0d%0a',
	'{{7*7}}${7*7}',
	'__proto__',
	'../../etc/passwd',
	'تعرضت للتمييز في العمل', // Arabic
	'ኣብ ስራሕ ኣድልዎ ኣጋጢሙኒ', // Tigrinya
	'👩🏽‍⚖️🏳️‍🌈🇨🇭',
	'Grüezi mitenand',
	'e\u0301\u0308\u20dd', // combining marks
	'NaN',
	'-1',
	'1e309',
] as const

export const snippet = fc.constantFrom(...SNIPPETS)

/** Short hostile text: snippets mixed with random code points of every kind. */
export const shortHostile = fc
	.array(
		fc.oneof(
			{ weight: 3, arbitrary: snippet },
			{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
			{ weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
			{ weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 12 }) },
		),
		{ maxLength: 6 },
	)
	.map((parts) => parts.join(''))

/** Up to about a megabyte: one piece repeated, which costs nothing to generate. */
export const hugeHostile = fc
	.tuple(
		fc.oneof(snippet, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 })),
		fc.integer({ min: 20_001, max: 1_000_000 }),
	)
	.map(([piece, length]) => piece.repeat(Math.max(1, Math.floor(length / piece.length))))

export const hostile = fc.oneof(
	{ weight: 30, arbitrary: shortHostile },
	{ weight: 1, arbitrary: hugeHostile },
)

/** Text that stays within a length limit (counted in UTF-16 units, as zod counts). */
export const fitting = (max: number) =>
	shortHostile.map((text) => {
		let fitted = ''
		for (const char of text) {
			if (fitted.length + char.length > max) break
			fitted += char
		}
		return fitted
	})

/** What every plain object answers to: a lookup by a posted name must not find them. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty']

/** Field names a form never has, some chosen to upset plain objects. */
export const extraName = fc.oneof(
	fc.constantFrom(...PROTOTYPE_KEYS, ...CONFORM_FIELDS, 'areas[]', 'form', ''),
	shortHostile,
)

export const extraParts = fc.array(
	fc.record({ name: extraName, value: hostile }).map((part): Part => part),
	{ maxLength: 3 },
)

export const PHOTO = new Uint8Array(pngWithText('fuzz'))

/** Files: a real PNG, real text, broken images behind real signatures, noise, no name. */
export const filePart: fc.Arbitrary<FilePart> = fc.record({
	filename: fc.oneof(fc.constantFrom('photo.png', 'brief.txt', ''), shortHostile),
	bytes: fc.oneof(
		fc.constant(PHOTO),
		fc.string({ unit: 'grapheme', minLength: 1, maxLength: 50 }).map((t) => Buffer.from(t)),
		fc
			.tuple(
				fc.constantFrom([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0xff, 0xd8, 0xff]),
				fc.uint8Array({ maxLength: 64 }),
			)
			.map(([signature, rest]) => new Uint8Array([...signature, ...rest])),
		fc.uint8Array({ maxLength: 256 }),
	),
})

export const envelope: fc.Arbitrary<Envelope> = fc.oneof(
	{ weight: 5, arbitrary: fc.constant({ kind: 'urlencoded' as const }) },
	{ weight: 3, arbitrary: fc.constant({ kind: 'multipart' as const }) },
	{
		weight: 2,
		arbitrary: fc
			.record({
				template: fc.nat(RAW_TEMPLATES - 1),
				contentType: fc.oneof(
					fc.constantFrom('application/xml', 'multipart/mixed; boundary=x', 'text/html', ''),
					fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
				),
				garbage: fc.oneof(shortHostile, fc.string({ unit: 'grapheme-ascii', maxLength: 80 })),
			})
			.map((raw) => ({ kind: 'raw' as const, raw })),
	},
)

/** A choice from a list, or something that is not one, or several where one belongs. */
export const choiceOrNot = (values: readonly string[]): fc.Arbitrary<string[]> =>
	fc.oneof(
		{ weight: 4, arbitrary: fc.constantFrom(...values).map((v) => [v]) },
		{ weight: 1, arbitrary: fc.constant<string[]>(['']) },
		{ weight: 2, arbitrary: hostile.map((v) => [v]) },
		{ weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS).map((v) => [v]) },
		{
			weight: 1,
			arbitrary: fc.array(fc.oneof(fc.constantFrom(...values), hostile), {
				minLength: 2,
				maxLength: 3,
			}),
		},
	)

/** The intent of a form with several buttons: mostly a real one, so that the fields are reached. */
export const intentOrNot = (values: readonly string[]) =>
	fc.oneof(
		{ weight: 3, arbitrary: fc.constantFrom(...values).map((v) => [v]) },
		{ weight: 1, arbitrary: choiceOrNot(values) },
	)

/** Checkboxes: some of a list's values, or those mixed with values not in it, repeats included. */
export const listOrNot = (values: readonly string[]) =>
	fc.oneof(
		fc.subarray([...values]),
		fc.array(
			fc.oneof(
				{ weight: 5, arbitrary: fc.constantFrom(...values) },
				{ weight: 1, arbitrary: hostile },
			),
			{ maxLength: values.length + 2 },
		),
	)

/** A form schema's field names, through refinements and transforms. */
export function fieldNames(schema: z.ZodTypeAny): string[] {
	if (schema instanceof z.ZodEffects) return fieldNames(schema.innerType())
	return schema instanceof z.ZodObject ? Object.keys(schema.shape) : []
}

/**
 * Values for named fields, from `known` where a field has its own and
 * hostile text otherwise; each field is missing now and then.
 */
export function fieldsFor(names: string[], known: Record<string, fc.Arbitrary<string[]>>) {
	const text = fc.oneof(hostile, fc.constantFrom('', ' \n ')).map((v) => [v])
	return fc.record(
		Object.fromEntries(
			[...new Set(names)].map((name) => [
				name,
				fc.option(Object.hasOwn(known, name) ? known[name]! : text, { nil: undefined, freq: 6 }),
			]),
		),
	)
}

export const toParts = (fields: Record<string, readonly string[] | undefined>): Part[] =>
	Object.entries(fields).flatMap(([name, values]) =>
		(values ?? []).map((value): Part => ({ name, value })),
	)

export const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined })
export const one = (arbitrary: fc.Arbitrary<string>) => optional(arbitrary.map((v) => [v]))
