// The empty state inside a chart frame: a dashed frame and a centred message, so an empty panel
// says why it is empty instead of showing bare axes.
import type { ReactNode } from 'react';
import { r2 } from './path.ts';
import { RichText } from './richText.tsx';
import { claim, DEFINITION, textKey } from '../claims/registry.ts';

/** Why a panel is empty: what the app has not computed (or cannot), nothing to recompute. */
function noDataClaim(part: string, text: string) {
  return claim(`no-data.${part}.${textKey(text)}`, text, { params: {} }, DEFINITION);
}

export function NoData({
  x,
  y,
  width,
  height,
  message,
  detail,
  fontSize,
}: {
  x: number;
  y: number;
  width: number;
  height: number;
  message: string;
  detail?: string;
  fontSize: number;
}): ReactNode {
  const cx = r2(x + width / 2);
  const cy = y + height / 2;
  return (
    <g data-testid="no-data">
      <rect
        className="sp-nodata-frame"
        x={r2(x)}
        y={r2(y)}
        width={r2(Math.max(0, width))}
        height={r2(Math.max(0, height))}
      />
      <text
        className="sp-nodata"
        x={cx}
        y={r2(cy)}
        textAnchor="middle"
        fontSize={r2(fontSize * 1.15)}
        fontWeight={600}
        data-claim={noDataClaim('title', message).id}
      >
        {message}
      </text>
      {detail && (
        <text
          className="sp-nodata"
          x={cx}
          y={r2(cy + fontSize * 1.5)}
          textAnchor="middle"
          fontSize={fontSize}
          data-claim={noDataClaim('detail', detail).id}
        >
          <RichText text={detail} fontSize={fontSize} />
        </text>
      )}
    </g>
  );
}
