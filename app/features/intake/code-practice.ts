// The code page's forms, shared by the server and the page: the code the page
// posts back (it is stored nowhere, so the page carries it) and the practice
// of its last four characters. Read as leniently as the follow-up page reads
// a typed code: any case, separators and spaces ignored, O for 0, I or L for 1.
import { z } from 'zod'

/** As the confirmation shows it: five groups of four of Crockford's Base32. */
export const ShownCodeSchema = z
	.string()
	.regex(/^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){4}$/)

export const SaveCodeSchema = z.object({ code: ShownCodeSchema })

export const PractiseCodeSchema = z.object({
	code: ShownCodeSchema,
	// Longer than four with separators and spaces; empty is simply not right.
	lastFour: z.string().max(40).default(''),
})

export const PRACTISED_CHARACTERS = 4

function readTyped(input: string): string {
	return input
		.toUpperCase()
		.replace(/[\s\-–—_.]/g, '')
		.replace(/O/g, '0')
		.replace(/[IL]/g, '1')
}

/** Whether what was typed is the code's last four characters. */
export function isLastFourOf(code: string, typed: string): boolean {
	return readTyped(typed) === readTyped(code).slice(-PRACTISED_CHARACTERS)
}
