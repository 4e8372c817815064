import type { Category } from '../../engine/types';
import { categoryName } from '../common';

/** A category's name on its colour (the same colours as the marks). */
export function CategoryTag(props: { category: Category }) {
  return <span class={`tag cat-${props.category}`}>{categoryName(props.category)}</span>;
}
