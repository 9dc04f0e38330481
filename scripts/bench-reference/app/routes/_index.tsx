import { useLoaderData } from '@remix-run/react'

export function loader() {
	return { items: Array.from({ length: 8 }, (_, i) => ({ id: i + 1, title: `Item ${i + 1}` })) }
}

export default function Index() {
	const { items } = useLoaderData<typeof loader>()
	return (
		<main>
			<h1>Hello</h1>
			<ul>
				{items.map((item) => (
					<li key={item.id}>{item.title}</li>
				))}
			</ul>
		</main>
	)
}
