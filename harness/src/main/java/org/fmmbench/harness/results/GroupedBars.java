package org.fmmbench.harness.results;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** The bar chart the report and compare draw: one group of side-by-side bars per category, legend outside. */
public final class GroupedBars {
    private GroupedBars() {
    }

    public static CategoryChart chart(int width, int height, String title, String xAxis, String unit) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xAxis).yAxisTitle(unit).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setOverlapped(false);
        return chart;
    }
}
