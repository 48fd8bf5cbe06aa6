namespace CertGuard.Core.Certificates;

/// <summary>The recorded lifecycle status; what a date makes of it is <see cref="CertificateState"/>.</summary>
public enum CertificateStatus
{
    Active,
    /// <summary>失效: the review failed, or it was not done by the due date.</summary>
    Invalid,
    /// <summary>撤销.</summary>
    Revoked,
    /// <summary>注销.</summary>
    Cancelled,
}

/// <summary>The state a certificate is in on a given day (UTC+8).</summary>
public enum CertificateState
{
    /// <summary>有效.</summary>
    Valid,
    /// <summary>待复审: within the window before the review falls due.</summary>
    ReviewDue,
    /// <summary>逾期未复审 (失效): the due date passed without a review.</summary>
    ReviewOverdue,
    /// <summary>复审不合格 (失效).</summary>
    ReviewFailed,
    /// <summary>已过期: past the end of validity.</summary>
    Expired,
    /// <summary>已撤销.</summary>
    Revoked,
    /// <summary>已注销.</summary>
    Cancelled,
}
