// The plot a mark is laid out in: data → pixel maps for x and y and the plot's size in px (the
// origin at the plot's top-left corner, y growing downwards).

export interface PlotScales {
  X: (v: number) => number;
  Y: (v: number) => number;
  plotW: number;
  plotH: number;
}
