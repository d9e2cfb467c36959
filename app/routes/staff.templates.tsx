import {
	redirect,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { getFormProps } from '@conform-to/react'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import {
	REPLY_TEMPLATE_MAX_LENGTH,
	REPLY_TEMPLATE_PURPOSES,
	ReplyTemplateChangeSchema,
	ReplyTemplateIdSchema,
	ReplyTemplateSchema,
} from '~/features/reply-templates/reply-template-schemas'
import {
	changeReplyTemplate,
	createReplyTemplate,
	deleteReplyTemplate,
	listReplyTemplates,
	ReplyTemplateNotFoundError,
	type ReplyTemplate,
} from '~/features/reply-templates/reply-templates.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'
import { FORM_BODY_LIMIT, bodyLimitHandle } from '~/platform/forms/body-limit'
import { dispatchIntent, intent } from '~/platform/forms/intent-dispatch.server'
import { confirmedStep } from '~/platform/forms/schema-fields'
import { readFormData } from '~/platform/forms/read-form-data.server'
import { useValidatedForm, type LastResult } from '~/platform/forms/use-validated-form'
import { getTranslator } from '~/platform/i18n/translate.server'
import { PUBLIC_LANGUAGES } from '~/platform/i18n/languages'
import { ConfirmStep } from '~/platform/ui/confirm-step'
import {
	FormAlert,
	IntentButton,
	SelectField,
	TextArea,
	TextField,
} from '~/platform/ui/form-fields'

export const handle = bodyLimitHandle(FORM_BODY_LIMIT)

const ViewSchema = z.object({
	edit: z.string().uuid().optional().catch(undefined),
	done: z.enum(['saved', 'deleted']).optional().catch(undefined),
})

export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request, 'templates:manage')
	const { t } = getTranslator(request)
	const view = ViewSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
	return { title: t('staff:templates.title'), templates: await listReplyTemplates(actor), ...view }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

const DeleteSchema = ReplyTemplateIdSchema.extend({ confirmed: confirmedStep })

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireStaffActor(request, 'templates:manage')
	// Done: back to the list (a reload then sends nothing twice), which says what was done.
	const done = (what: 'saved' | 'deleted') => redirect(`/staff/templates?done=${what}`)
	return dispatchIntent(
		await readFormData(request, FORM_BODY_LIMIT),
		{
			create: intent(ReplyTemplateSchema, async (value) => {
				await createReplyTemplate(actor, value)
				return done('saved')
			}),
			change: intent(ReplyTemplateChangeSchema, async ({ id, ...value }) => {
				await changeReplyTemplate(actor, id, value)
				return done('saved')
			}),
			delete: intent(DeleteSchema, async ({ id, confirmed }) => {
				// The first post only asks; the second step sends `confirmed=yes`.
				if (!confirmed) return { intent: 'delete', confirm: id }
				await deleteReplyTemplate(actor, id)
				return done('deleted')
			}),
		},
		{
			explain: [{ error: ReplyTemplateNotFoundError, status: 404, message: 'templates.notFound' }],
		},
	)
}

function TemplateForm({
	template,
	lastResult,
}: {
	template?: ReplyTemplate
	lastResult: LastResult
}) {
	const { t } = useTranslation('staff')
	const schema = template ? ReplyTemplateChangeSchema : ReplyTemplateSchema
	const [form, fields] = useValidatedForm(schema, {
		id: template ? `template-${template.id}` : 'template-new',
		lastResult,
		defaultValue: template,
	})
	return (
		<Form method="post" className="narrow" {...getFormProps(form)}>
			<FormAlert id={form.errorId} errors={form.errors} namespace="staff" />
			{template ? <input type="hidden" name="id" value={template.id} /> : null}
			<SelectField
				field={fields.language}
				label={t('templates.language')}
				options={PUBLIC_LANGUAGES.map((language) => ({
					value: language.code,
					label: t(`languages.${language.code}`),
				}))}
				emptyLabel="–"
				namespace="staff"
				required
			/>
			<SelectField
				field={fields.purpose}
				label={t('templates.purpose')}
				options={REPLY_TEMPLATE_PURPOSES.map((purpose) => ({
					value: purpose,
					label: t(`templates.purposes.${purpose}`),
				}))}
				emptyLabel="–"
				namespace="staff"
				required
			/>
			<TextField
				field={fields.title}
				label={t('templates.titleLabel')}
				hint={t('templates.titleHint')}
				maxLength={80}
				namespace="staff"
				required
			/>
			<TextArea
				field={fields.body}
				label={t('templates.body')}
				hint={t('templates.noPersonalData')}
				maxLength={REPLY_TEMPLATE_MAX_LENGTH}
				rows={8}
				namespace="staff"
				required
			/>
			<div className="row-form">
				<IntentButton intent={template ? 'change' : 'create'} primary>
					{template ? t('templates.save') : t('templates.create')}
				</IntentButton>
				{template ? (
					<Link to="/staff/templates" className="button-secondary">
						{t('templates.cancel')}
					</Link>
				) : null}
			</div>
		</Form>
	)
}

function DeleteButton({ template }: { template: ReplyTemplate }) {
	const { t } = useTranslation('staff')
	return (
		<Form method="post" className="row-form">
			<input type="hidden" name="id" value={template.id} />
			<IntentButton intent="delete">
				{t('templates.delete')}
				<span className="visually-hidden">: {template.title}</span>
			</IntentButton>
		</Form>
	)
}

export default function ReplyTemplatesPage() {
	const { templates, edit, done } = useLoaderData<typeof loader>()
	const answer = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	const editing = templates.find((template) => template.id === edit)
	const deleting =
		answer && 'confirm' in answer
			? templates.find((template) => template.id === answer.confirm)
			: undefined
	const failed = answer && 'result' in answer ? answer : undefined
	return (
		<section>
			<h1>{t('templates.title')}</h1>
			<p>{t('templates.text')}</p>
			<p className="notice">{t('templates.noPersonalData')}</p>
			{done ? (
				<p className="notice" role="status">
					{t(`templates.${done}`)}
				</p>
			) : null}
			{deleting ? (
				<ConfirmStep
					key={deleting.id}
					title={t('templates.confirmDeleteTitle', { title: deleting.title })}
					intent="delete"
					fields={{ id: deleting.id }}
					confirmLabel={t('templates.confirmDelete')}
					cancelTo="/staff/templates"
				>
					<p>{t('templates.confirmDeleteText')}</p>
				</ConfirmStep>
			) : null}
			{templates.length ? (
				<div className="table-wrap">
					<table>
						<thead>
							<tr>
								<th scope="col">{t('templates.language')}</th>
								<th scope="col">{t('templates.purpose')}</th>
								<th scope="col">{t('templates.titleLabel')}</th>
								<th scope="col">
									<span className="visually-hidden">{t('templates.edit')}</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{templates.map((template) => (
								<tr key={template.id}>
									<td>{t(`languages.${template.language}`)}</td>
									<td>{t(`templates.purposes.${template.purpose}`)}</td>
									<td dir="auto">{template.title}</td>
									<td>
										<div className="row-form">
											<Link to={`/staff/templates?edit=${template.id}#edit`}>
												{t('templates.edit')}
												<span className="visually-hidden">: {template.title}</span>
											</Link>
											<DeleteButton template={template} />
										</div>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : (
				<p>{t('templates.none')}</p>
			)}
			<h2 id="edit">
				{editing ? t('templates.editTitle', { title: editing.title }) : t('templates.add')}
			</h2>
			<TemplateForm
				key={editing?.id ?? 'new'}
				template={editing}
				lastResult={failed?.intent === (editing ? 'change' : 'create') ? failed.result : undefined}
			/>
		</section>
	)
}
