/**
 * One finding (a sentence's, or a thread's conduct over time): category, excerpt, title,
 * explanation, the law with links, and a link to the rights page. `children` go at the end
 * (room for per-finding actions such as "Save as evidence").
 */
import { For, Show, type JSX } from 'solid-js';
import type { Category, Citation } from '../../engine/types';
import { rightsPageUrl } from '../common';
import { t } from '../i18n';
import { CategoryTag } from './CategoryTag';
import { ExtLink } from './ExtLink';

export interface CardFinding {
  category: Category;
  title: string;
  explanation: string;
  citations: readonly Citation[];
  /** a rule the rights pages know (omit for thread findings: the link goes to the jurisdiction) */
  rule?: string;
  excerpt?: string;
}

export function FindingCard(props: { finding: CardFinding; id?: string; jurisdiction: string; context?: string; children?: JSX.Element }) {
  return (
    <li class="finding" id={props.id}>
      <p>
        <CategoryTag category={props.finding.category} />
        <Show when={props.context}>
          <span class="muted">{props.context} </span>
        </Show>
        <Show when={props.finding.excerpt}>
          <q>{props.finding.excerpt}</q>
        </Show>
      </p>
      <h3>{props.finding.title}</h3>
      <p>{props.finding.explanation}</p>
      <p class="muted">{t('lawHeading')}</p>
      <Show when={props.finding.citations.length} fallback={<p class="muted">{t('noCitationHere')}</p>}>
        <ul>
          <For each={props.finding.citations}>{(c) => <li>{c.url ? <ExtLink href={c.url}>{c.title}</ExtLink> : c.title}</li>}</For>
        </ul>
      </Show>
      <p>
        <a href={rightsPageUrl({ rule: props.finding.rule, jurisdiction: props.jurisdiction })} target="_blank">
          {t('whatYouCanDo')}
        </a>
      </p>
      {props.children}
    </li>
  );
}
