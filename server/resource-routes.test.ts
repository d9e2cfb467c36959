import { describe, expect, test } from 'vitest'
import { DOWNLOAD_ROUTE } from '../app/platform/download-route.ts'
import { downloadRoutePatterns } from './resource-routes.ts'
import { pagePathOf } from './route-patterns.ts'

const page = { default: () => null }
const download = { handle: DOWNLOAD_ROUTE }
const redirectOnly = {}
const routes = {
	root: { id: 'root', path: '', module: page },
	'routes/staff': { id: 'routes/staff', parentId: 'root', path: 'staff', module: page },
	'routes/staff.cases.$reference.attachments.$attachmentId': {
		id: 'routes/staff.cases.$reference.attachments.$attachmentId',
		parentId: 'routes/staff',
		path: 'cases/:reference/attachments/:attachmentId',
		module: download,
	},
	'routes/staff._index': {
		id: 'routes/staff._index',
		parentId: 'routes/staff',
		index: true,
		module: redirectOnly,
	},
	'routes/staff.statistics.csv': {
		id: 'routes/staff.statistics.csv',
		parentId: 'routes/staff',
		path: 'statistics/csv',
		module: download,
	},
	'routes/request': { id: 'routes/request', parentId: 'root', path: 'request', module: page },
}

describe('download routes', () => {
	test('are found with their full paths; pages and redirecting routes are not', () => {
		const patterns = downloadRoutePatterns({ routes } as never)
		const isResource = (path: string) => patterns.some((pattern) => pattern.test(path))
		expect(isResource('/staff/cases/AB-12/attachments/0f1e')).toBe(true)
		expect(isResource('/staff/statistics/csv')).toBe(true)
		expect(isResource('/staff/statistics')).toBe(false)
		expect(isResource('/request')).toBe(false)
		expect(isResource('/staff/cases/AB-12')).toBe(false)
		expect(isResource('/staff')).toBe(false)
	})

	test('their data variant is found also when the path is encoded, as Remix decodes it', () => {
		const patterns = downloadRoutePatterns({ routes } as never)
		const isResource = (path: string) => patterns.some((pattern) => pattern.test(pagePathOf(path)))
		expect(isResource('/staff/statistics/csv.data')).toBe(true)
		expect(isResource('/staff/statistics/cs%76.data')).toBe(true)
		expect(isResource('/staff/cases/AB-12/attachments/0f1e.data')).toBe(true)
	})
})
