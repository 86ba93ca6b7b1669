// The root of every SVG chart: size, viewBox, the theme classes (theme.ts), and what a screen
// reader announces (role img, an aria-label, a <title> and a <desc>). Other svg attributes
// (focusability, pointer and keyboard handlers) pass through. A chart that holds controls of its
// own (a draggable handle, a slider) passes role group: an img's children are presentational,
// so controls inside one are hidden from assistive technology.
import type { ReactNode, SVGProps } from 'react';
import { chartClass, type Variant } from './theme.ts';

export interface ChartSvgProps extends Omit<
  SVGProps<SVGSVGElement>,
  'width' | 'height' | 'title' | 'children'
> {
  testId: string;
  /** The chart kind, for the class sp-chart--{kind}. */
  kind: string;
  variant: Variant;
  width: number;
  height: number;
  /** The accessible name (aria-label). */
  label: string;
  title: string;
  desc: string;
  children: ReactNode;
}

export function ChartSvg(props: ChartSvgProps): ReactNode {
  const { testId, kind, variant, width, height, label, title, desc, children, ...rest } = props;
  return (
    <svg
      data-testid={testId}
      className={chartClass(kind, variant)}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      {...rest}
    >
      <title>{title}</title>
      <desc>{desc}</desc>
      {children}
    </svg>
  );
}
