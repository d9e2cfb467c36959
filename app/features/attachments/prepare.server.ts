import { detectMediaType, type AcceptedMediaType } from './file-type.server'
import type { FileProblem, UploadedFile } from './multipart.server'
import { MalformedFileError } from './malformed-file'
import { stripMetadata } from './strip-metadata.server'

export type PreparedFile = { name: string; mediaType: AcceptedMediaType; data: Buffer }
export type FileError = { kind: 'tooLarge' | 'tooMany' | 'type'; name: string }

/** Checks every uploaded file by its content and removes hidden metadata. */
export function prepareAttachments(
	files: UploadedFile[],
	problems: FileProblem[],
): { prepared: PreparedFile[]; errors: FileError[] } {
	const errors: FileError[] = [...problems]
	const prepared: PreparedFile[] = []
	for (const file of files) {
		const mediaType = detectMediaType(file.data)
		if (!mediaType) {
			errors.push({ kind: 'type', name: file.name })
			continue
		}
		try {
			prepared.push({
				name: file.name.slice(0, 200),
				mediaType,
				data: stripMetadata(mediaType, file.data),
			})
		} catch (error) {
			if (!(error instanceof MalformedFileError)) throw error
			errors.push({ kind: 'type', name: file.name })
		}
	}
	return { prepared, errors }
}

/** The `intake` translation key that explains a file error ({{name}} names the file). */
export function fileErrorKey(error: FileError): string {
	if (error.kind === 'tooMany') return 'errors.tooManyFiles'
	if (error.kind === 'tooLarge') return 'errors.fileTooLarge'
	return 'errors.fileType'
}
