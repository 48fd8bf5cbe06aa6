using System.Globalization;
using CertGuard.Core.Catalogue;
using CertGuard.Core.Holders;
using CertGuard.Data.Institutions;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CertGuard.Web.Features.Institutions;

/// <summary>What the review-check page and API accept, read the same way for both; a Chinese problem for bad input.</summary>
public sealed record ReviewCheckForm(string? Number, string? Name, string? ItemCode, string? CategoryCode, string? FirstIssuedOn)
{
    public ProblemHttpResult? TryRead(DateOnly today, out ReviewCheckInput input)
    {
        input = new ReviewCheckInput("", "", "", null, null);
        var number = Number?.Trim() ?? "";
        var name = Name?.Trim() ?? "";
        var item = ItemCode?.Trim() ?? "";
        var category = string.IsNullOrWhiteSpace(CategoryCode) ? null : CategoryCode.Trim();
        if (number.Length == 0) return Problems.BadRequest("REVIEW-NUMBER-REQUIRED", "请填写申请人操作证上的证号。");
        if (number.Length > 64) return Problems.BadRequest("REVIEW-NUMBER-TOO-LONG", "证号过长：请按证件上的证号填写。");
        if (name.Length == 0) return Problems.BadRequest("REVIEW-NAME-REQUIRED", "请填写申请人姓名。");
        if (name.Length > HolderNames.MaxLength) return Problems.BadRequest("REVIEW-NAME-TOO-LONG", $"姓名不能超过 {HolderNames.MaxLength} 个字。");
        if (item.Length == 0) return Problems.BadRequest("REVIEW-ITEM-REQUIRED", "请选择申请复审的准操项目。");
        if (OperationCatalogue.Current.FindItem(item) is null)
            return Problems.BadRequest("REVIEW-ITEM-UNKNOWN", $"准操项目“{item}”不在特种作业目录中，请从目录中选择。");
        if (category is not null && OperationCatalogue.Current.FindCategory(category) is null)
            return Problems.BadRequest("REVIEW-CATEGORY-UNKNOWN", $"作业类别“{category}”不在特种作业目录中。");
        DateOnly? first = null;
        if (!string.IsNullOrWhiteSpace(FirstIssuedOn))
        {
            if (!DateOnly.TryParseExact(FirstIssuedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return Problems.BadRequest("REVIEW-FIRST-ISSUE", "初领日期应为 yyyy-MM-dd 格式的日期。");
            if (date > today) return Problems.BadRequest("REVIEW-FIRST-ISSUE", "初领日期不能晚于今天。");
            first = date;
        }
        input = new ReviewCheckInput(number, name, item, category, first);
        return null;
    }
}
