import { describe, expect, test } from 'vitest'
import { resourceRoutePatterns } from './resource-routes.ts'

const page = { default: () => null }
const resource = {}
const routes = {
	root: { id: 'root', path: '', module: page },
	'routes/staff': { id: 'routes/staff', parentId: 'root', path: 'staff', module: page },
	'routes/staff.cases.$reference.attachments.$attachmentId': {
		id: 'routes/staff.cases.$reference.attachments.$attachmentId',
		parentId: 'routes/staff',
		path: 'cases/:reference/attachments/:attachmentId',
		module: resource,
	},
	'routes/staff.statistics.csv': {
		id: 'routes/staff.statistics.csv',
		parentId: 'routes/staff',
		path: 'statistics/csv',
		module: resource,
	},
	'routes/request': { id: 'routes/request', parentId: 'root', path: 'request', module: page },
}

describe('resource routes', () => {
	test('are found with their full paths; pages are not', () => {
		const patterns = resourceRoutePatterns({ routes } as never)
		const isResource = (path: string) => patterns.some((pattern) => pattern.test(path))
		expect(isResource('/staff/cases/AB-12/attachments/0f1e')).toBe(true)
		expect(isResource('/staff/statistics/csv')).toBe(true)
		expect(isResource('/staff/statistics')).toBe(false)
		expect(isResource('/request')).toBe(false)
		expect(isResource('/staff/cases/AB-12')).toBe(false)
	})
})
