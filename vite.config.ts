import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'

declare module '@remix-run/node' {
	interface Future {
		v3_singleFetch: true
	}
}

export default defineConfig({
	resolve: { alias: { '~': new URL('./app', import.meta.url).pathname } },
	build: {
		// Inlined assets would need `data:` in the Content-Security-Policy.
		assetsInlineLimit: 0,
	},
	plugins: [
		remix({
			// server/dev/build.ts builds into a folder of its own, then swaps it in.
			buildDirectory: process.env.BUILD_DIR ?? 'build',
			future: {
				v3_fetcherPersist: true,
				v3_relativeSplatPath: true,
				v3_throwAbortReason: true,
				v3_singleFetch: true,
				v3_lazyRouteDiscovery: true,
				v3_routeConfig: true,
			},
		}),
	],
})
