import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MAX_BODY } from '~/modules/messages/message-input'

export type ConversationMessage = {
	id: string
	author: string
	authorName: string | null
	body: string
	createdAt: string
	attachments?: { id: string; fileName: string; size: number }[]
}

type Props = {
	messages: ConversationMessage[]
	/** Where an attachment downloads from; without it attachments are not listed. */
	attachmentHref?: (attachmentId: string) => string
	/** A heading over the messages (the follow-up page has one, the thread page's h1 is the subject). */
	heading?: string
	/** A status line after sending (already translated), or null. */
	notice?: string | null
	/** The reply form, or null when the citizen cannot answer here. */
	reply: { heading: string; hint?: string | null; error?: string | null } | null
}

/**
 * A conversation as the citizen sees it (decision 023): the messages, oldest first, with who from the
 * office wrote and when, and a form to answer. Used by the citizen's thread page (/zpravy/:id) and
 * the anonymous follow-up page (/sledovat/:token), so the two cannot drift apart.
 */
export function ThreadConversation({ messages, attachmentHref, heading, notice, reply }: Props) {
	const { t } = useTranslation('messages')
	const list = (
		<ol className="mb-8 grid gap-4">
			{messages.map((message) => (
				<li key={message.id} className={`rounded-town border p-3 ${message.author === 'staff' ? 'border-primary' : 'border-muted'}`}>
					<p className="text-sm font-semibold">
						{message.author === 'staff' ? t('thread.fromOffice', { name: message.authorName ?? '' }) : t('thread.fromYou')} · {message.createdAt}
					</p>
					<p className="whitespace-pre-line">{message.body}</p>
					{attachmentHref
						? (message.attachments ?? []).map((file) => (
								<p key={file.id}>
									<a href={attachmentHref(file.id)} download>
										{file.fileName}
									</a>{' '}
									({Math.ceil(file.size / 1024)} kB)
								</p>
							))
						: null}
				</li>
			))}
		</ol>
	)
	return (
		<>
			{heading && messages.length ? (
				<section aria-labelledby="conversation">
					<h2 id="conversation" className="mb-2 text-2xl font-semibold">
						{heading}
					</h2>
					{list}
				</section>
			) : heading ? null : (
				list
			)}
			{notice ? (
				<p role="status" className="mb-6 rounded-town border-2 border-primary p-3">
					{notice}
				</p>
			) : null}
			{reply ? (
				<section aria-labelledby="reply">
					<h2 id="reply" className="mb-2 text-2xl font-semibold">
						{reply.heading}
					</h2>
					{reply.hint ? <p className="mb-2">{reply.hint}</p> : null}
					{reply.error ? (
						<p role="alert" className="mb-2 font-semibold text-red-800">
							{reply.error}
						</p>
					) : null}
					<Form method="post" encType="multipart/form-data" className="grid gap-3">
						<label htmlFor="body" className="font-semibold">
							{t('thread.body')}
						</label>
						<textarea id="body" name="body" required rows={5} maxLength={MAX_BODY} className="rounded-town border border-muted bg-surface px-3 py-2" />
						<label htmlFor="files" className="font-semibold">
							{t('new.files')}
						</label>
						<input id="files" name="files" type="file" multiple accept="application/pdf,image/jpeg,image/png" />
						<button type="submit" className="justify-self-start rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
							{t('thread.send')}
						</button>
					</Form>
				</section>
			) : null}
		</>
	)
}
