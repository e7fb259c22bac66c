/**
 * The loss curve, drawn by uPlot: the mean ε per epoch on a log scale, with
 * axes, ticks and a hover read-out that a hand-drawn canvas would have to
 * reinvent, at a cost per frame that stays small as epochs pile up.
 */
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export class LossChart {
  readonly element = document.createElement("div");
  private plot?: uPlot;
  private epochs: number[] = [];
  private losses: number[] = [];

  private readonly empty = Object.assign(document.createElement("p"), {
    className: "note",
    textContent: "The loss curve starts with the first epoch: press play or step.",
  });

  constructor() {
    this.element.className = "loss";
    this.element.append(this.empty);
  }

  private create(width: number): uPlot {
    return new uPlot(
      {
        width,
        height: 170,
        legend: { show: true, live: true },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false }, y: { distr: 3 } },
        axes: [
          { label: "epoch", size: 36, labelSize: 14 },
          {
            label: "mean ε",
            size: 56,
            labelSize: 14,
            values: (_u, ticks) => ticks.map((t) => (t == null ? "" : t.toPrecision(1))),
          },
        ],
        series: [
          { label: "epoch" },
          { label: "ε", stroke: "#0877bd", width: 2, value: (_u, v) => v?.toPrecision(4) ?? "" },
        ],
      },
      [this.epochs, this.losses],
      this.element,
    );
  }

  reset(): void {
    this.epochs = [];
    this.losses = [];
    this.plot?.setData([this.epochs, this.losses]);
  }

  push(epoch: number, loss: number): void {
    this.epochs.push(epoch);
    // A log scale cannot show 0; a loss that small is drawn at the floor.
    this.losses.push(Math.max(loss, 1e-12));
  }

  draw(): void {
    this.empty.hidden = this.epochs.length > 0;
    const width = Math.max(200, Math.floor(this.element.clientWidth || 360));
    if (!this.plot) this.plot = this.create(width);
    else if (this.plot.width !== width) this.plot.setSize({ width, height: 170 });
    this.plot.setData([this.epochs, this.losses]);
  }
}
