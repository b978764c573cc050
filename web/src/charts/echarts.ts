import { BarChart, LineChart, SankeyChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only the chart kinds the pages draw, so the chunk stays small; loaded on first use.
echarts.use([BarChart, LineChart, SankeyChart, DataZoomComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };
